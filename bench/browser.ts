import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { serializeDiagram } from '../app/format/serialize';
import { generateDiagram } from './generate';
import { metric, type Metric, type Target } from './lib/stats';

/**
 * The canvas timed in Chromium through Playwright: Kumozu's web edition (the
 * built renderer, `?automation=1`) and a bare React Flow page, driven with the
 * same gestures in the same viewport. Frame times are the intervals between
 * requestAnimationFrame callbacks in the page while Playwright moves the
 * mouse; Chromium aligns frames to a 60 Hz clock, so a smooth gesture shows
 * ~16.7 ms and each dropped frame adds another 16.7 ms.
 */

export const CHROMIUM = process.env.KUMOZU_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const VIEWPORT = { width: 1440, height: 900 };
/** Drag and pan distance in CSS px, and the number of mouse moves it takes. */
const DISTANCE = 300;
const STEPS = 30;

export interface BrowserPlan {
  readonly renderSizes: readonly number[];
  readonly renderRuns: number;
  readonly gestureSizes: readonly number[];
  readonly gestures: number;
  readonly heapSize: number;
  readonly heapRuns: number;
}

export interface BrowserUrls {
  readonly kumozu: string;
  readonly bare: string;
}

interface BenchWindow {
  kumozuAutomation: { loadDocument(doc: unknown): void };
  __benchDoc: unknown;
  __bench: { frames: number[]; rec: boolean; last: number };
}

const TARGETS: Record<string, Target> = {
  'firstRender@1000': { below: 1500, text: '< 1.5 s' },
  // Frames are aligned to Chromium's 60 Hz clock: a gesture with no dropped
  // frame has a median of 16.7 ± 0.1 ms, so the 16.7 ms target is read as
  // "one frame" and checked against 17 ms.
  'drag.kumozu@1000': { below: 17, text: '< 16.7 ms (one 60 Hz frame)' },
  'drag.kumozu@2000': { below: 33, text: '< 33 ms' },
  'drag.ratio@1000': { below: 1.25, text: '≤ 1.25× bare' },
  'heap@5000': { below: 300, text: '< 300 MB' },
};
const target = (id: string): Target | null => TARGETS[id] ?? null;

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US' });
  // tsx compiles this file with esbuild's keepNames, which wraps named
  // functions in __name(); functions sent to page.evaluate need it too.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  const page = await context.newPage();
  return { context, page };
}

async function openKumozu(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newPage(browser);
  await opened.page.goto(`${url}?automation=1`);
  await opened.page.getByTestId('canvas').waitFor();
  await opened.page.waitForFunction(() => 'kumozuAutomation' in window);
  return opened;
}

/**
 * Loads the document already placed in `window.__benchDoc` and resolves with
 * the milliseconds until the first frame where the viewport has been fitted
 * and every node in the DOM is measured and visible (unchanged for two more
 * frames, so a render still in progress does not count).
 */
async function loadAndTime(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const w = window as unknown as BenchWindow;
        const viewport = document.querySelector('.react-flow__viewport');
        const before = viewport ? getComputedStyle(viewport).transform : '';
        const t0 = performance.now();
        w.kumozuAutomation.loadDocument(w.__benchDoc);
        let readyAt = -1;
        let readyCount = -1;
        let stable = 0;
        const tick = (now: number) => {
          const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
          const vp = document.querySelector('.react-flow__viewport');
          let hidden = false;
          for (const n of nodes) if (n.style.visibility === 'hidden') hidden = true;
          const ready = nodes.length > 0 && !hidden && vp !== null && getComputedStyle(vp).transform !== before;
          if (!ready) {
            readyAt = -1;
            stable = 0;
          } else if (readyAt < 0 || nodes.length !== readyCount) {
            readyAt = now;
            readyCount = nodes.length;
            stable = 0;
          } else if (++stable >= 2) {
            resolve(readyAt - t0);
            return;
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

async function placeDoc(page: Page, doc: unknown): Promise<void> {
  await page.evaluate((d) => {
    (window as unknown as BenchWindow).__benchDoc = d;
  }, doc);
}

async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    const b: BenchWindow['__bench'] = { frames: [], rec: true, last: performance.now() };
    w.__bench = b;
    const loop = (t: number) => {
      if (!b.rec) return;
      b.frames.push(t - b.last);
      b.last = t;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

async function stopFrames(page: Page): Promise<number[]> {
  const frames = await page.evaluate(() => {
    const b = (window as unknown as BenchWindow).__bench;
    b.rec = false;
    return b.frames;
  });
  // The first interval starts at an arbitrary moment, not at a frame.
  return frames.slice(1);
}

async function settle(page: Page, ms: number): Promise<void> {
  await page.waitForTimeout(ms);
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

async function transformOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const vp = document.querySelector('.react-flow__viewport');
    return vp ? getComputedStyle(vp).transform : '';
  });
}

/** The node nearest the canvas centre whose id starts with `prefix`, and its centre on screen. */
async function pickNode(page: Page, prefix: string): Promise<string> {
  const id = await page.evaluate((p) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane) return null;
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best: string | null = null;
    let bestD = Infinity;
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const nodeId = el.dataset.id ?? '';
      if (!nodeId.startsWith(p)) continue;
      const r = el.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (d < bestD) {
        bestD = d;
        best = nodeId;
      }
    }
    return best;
  }, prefix);
  if (!id) throw new Error(`no node with an id starting "${prefix}" is on screen`);
  return id;
}

async function centreOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
  if (!box) throw new Error(`node ${id} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A point of the empty pane (not a node, edge or panel) where a pan can start, near the centre if possible. */
async function panePoint(page: Page): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane) return null;
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    const candidates: { x: number; y: number; d: number }[] = [];
    for (let y = pane.top + 20; y < pane.bottom - 20; y += 6) {
      for (let x = pane.left + 20; x < pane.right - 20; x += 6) {
        const el = document.elementFromPoint(x, y);
        if (!el || !el.closest('.react-flow')) continue;
        if (el.closest('.react-flow__node, .react-flow__edge, .react-flow__panel, .react-flow__controls, .react-flow__minimap, .react-flow__edgelabel-renderer')) continue;
        candidates.push({ x, y, d: Math.hypot(x - cx, y - cy) });
      }
    }
    candidates.sort((a, b) => a.d - b.d);
    return candidates[0] ?? null;
  });
  if (!p) throw new Error('no empty pane to start a pan on');
  return { x: p.x, y: p.y };
}

/** Drags node `id` by `dx` px in STEPS moves; resolves with the frame intervals during the drag. */
async function dragNode(page: Page, id: string, dx: number): Promise<number[]> {
  const from = await centreOf(page, id);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await startFrames(page);
  await page.mouse.move(from.x + dx, from.y, { steps: STEPS });
  const frames = await stopFrames(page);
  // Checked before the drop: Kumozu may refuse the drop and put the node back.
  const to = await centreOf(page, id);
  await page.mouse.up();
  if (Math.abs(to.x - from.x) < Math.abs(dx) / 2) throw new Error(`dragging ${id} did not move it (${from.x} → ${to.x})`);
  return frames;
}

/** Pans with the middle mouse button (Kumozu's canvas: panOnDrag={[1, 2]}); resolves with the frame intervals. */
async function pan(page: Page, dx: number, dy: number): Promise<number[]> {
  const from = await panePoint(page);
  const before = await transformOf(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down({ button: 'middle' });
  await startFrames(page);
  await page.mouse.move(from.x + dx, from.y + dy, { steps: STEPS });
  const frames = await stopFrames(page);
  await page.mouse.up({ button: 'middle' });
  if ((await transformOf(page)) === before) throw new Error('the middle-button pan did not move the viewport');
  return frames;
}

interface GestureFrames {
  drag: number[];
  pan: number[];
}

async function gestures(page: Page, prefix: string, count: number): Promise<GestureFrames> {
  const out: GestureFrames = { drag: [], pan: [] };
  const id = await pickNode(page, prefix);
  for (let i = 0; i < count; i++) {
    out.drag.push(...(await dragNode(page, id, i % 2 === 0 ? DISTANCE : -DISTANCE)));
    // Let the drop's command and the re-check that follows it finish.
    await settle(page, 300);
  }
  for (let i = 0; i < count; i++) {
    const sign = i % 2 === 0 ? 1 : -1;
    out.pan.push(...(await pan(page, sign * DISTANCE, sign * DISTANCE / 2)));
    await settle(page, 200);
  }
  return out;
}

async function zoomOf(page: Page): Promise<number> {
  const t = await transformOf(page);
  const m = /matrix\(([-\d.e]+)/.exec(t);
  return m?.[1] ? Number(m[1]) : Number.NaN;
}

async function renderedNodes(page: Page): Promise<number> {
  return page.locator('.react-flow__node').count();
}

export async function runBrowserBenchmarks(urls: BrowserUrls, plan: BrowserPlan, log: (line: string) => void): Promise<{ metrics: Metric[]; chromium: string }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const metrics: Metric[] = [];
  const push = (m: Metric) => {
    metrics.push(m);
    log(`  ${m.label}: median ${m.median.toFixed(2)} ${m.unit}`);
  };
  try {
    const version = browser.version();

    for (const n of plan.renderSizes) {
      const doc = JSON.parse(serializeDiagram(generateDiagram(n))) as unknown;
      const samples: number[] = [];
      let visible = 0;
      let zoom = Number.NaN;
      for (let run = 0; run < plan.renderRuns; run++) {
        const { context, page } = await openKumozu(browser, urls.kumozu);
        await placeDoc(page, doc);
        samples.push(await loadAndTime(page));
        visible = await renderedNodes(page);
        zoom = await zoomOf(page);
        await context.close();
      }
      push(
        metric(`firstRender@${n}`, `First complete render (${n} nodes)`, 'ms', samples, target(`firstRender@${n}`), `loadDocument() to the first frame with the view fitted and all ${visible} rendered nodes measured (zoom ${zoom.toFixed(3)})`),
      );
    }

    for (const n of plan.gestureSizes) {
      const doc = JSON.parse(serializeDiagram(generateDiagram(n))) as unknown;
      const k = await openKumozu(browser, urls.kumozu);
      await placeDoc(k.page, doc);
      await loadAndTime(k.page);
      await settle(k.page, 500);
      const kZoom = await zoomOf(k.page);
      const kNodes = await renderedNodes(k.page);
      const kumozu = await gestures(k.page, 'workload-', plan.gestures);
      await k.context.close();

      const b = await newPage(browser);
      await b.page.goto(`${urls.bare}?n=${n}`);
      await b.page.waitForFunction(
        (count) => {
          const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
          return nodes.length >= Math.min(count, 1) && [...nodes].every((x) => x.style.visibility !== 'hidden');
        },
        n,
      );
      await settle(b.page, 500);
      const bZoom = await zoomOf(b.page);
      const bNodes = await renderedNodes(b.page);
      const bare = await gestures(b.page, 'n', plan.gestures);
      await b.context.close();

      const view = (zoom: number, nodes: number) => `1440×900 window, zoom ${zoom.toFixed(3)}, ${nodes} nodes in the DOM`;
      const gestureNote = `${plan.gestures} gestures of ${DISTANCE} px in ${STEPS} moves`;
      const kDrag = metric(`drag.kumozu@${n}`, `Drag a node, Kumozu (${n} nodes)`, 'ms', kumozu.drag, target(`drag.kumozu@${n}`), `${gestureNote}; ${view(kZoom, kNodes)}`);
      const bDrag = metric(`drag.bare@${n}`, `Drag a node, bare React Flow (${n} nodes)`, 'ms', bare.drag, null, `${gestureNote}; ${view(bZoom, bNodes)}`);
      const kPan = metric(`pan.kumozu@${n}`, `Pan (middle button), Kumozu (${n} nodes)`, 'ms', kumozu.pan, target(`pan.kumozu@${n}`), gestureNote);
      const bPan = metric(`pan.bare@${n}`, `Pan (middle button), bare React Flow (${n} nodes)`, 'ms', bare.pan, null, gestureNote);
      for (const m of [kDrag, bDrag, kPan, bPan]) push(m);
      push(ratio(`drag.ratio@${n}`, `Drag, Kumozu / bare (${n} nodes)`, kDrag, bDrag));
      push(ratio(`pan.ratio@${n}`, `Pan, Kumozu / bare (${n} nodes)`, kPan, bPan));
    }

    const heapDoc = JSON.parse(serializeDiagram(generateDiagram(plan.heapSize))) as unknown;
    const heap: number[] = [];
    for (let run = 0; run < plan.heapRuns; run++) {
      const { context, page } = await openKumozu(browser, urls.kumozu);
      await placeDoc(page, heapDoc);
      await loadAndTime(page);
      // The document handed in by the benchmark is not the app's: drop it before measuring.
      await page.evaluate(() => {
        (window as unknown as BenchWindow).__benchDoc = null;
      });
      await settle(page, 1000);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const { metrics: perf } = await cdp.send('Performance.getMetrics');
      const used = perf.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
      heap.push(used / (1024 * 1024));
      await context.close();
    }
    push(metric(`heap@${plan.heapSize}`, `JS heap after loading ${plan.heapSize} nodes`, 'MB', heap, target(`heap@${plan.heapSize}`), 'JSHeapUsedSize (CDP Performance.getMetrics) after a forced GC, MiB'));
    return { metrics, chromium: version };
  } finally {
    await browser.close();
  }
}

/** Ratio of two medians; its spread is the ratio of the p95s. */
function ratio(id: string, label: string, a: Metric, b: Metric): Metric {
  const m = metric(id, label, '×', [a.median / b.median], target(id), `median ${a.median.toFixed(1)} ms / ${b.median.toFixed(1)} ms; p95 ratio ${(a.p95 / b.p95).toFixed(2)}×`);
  return m;
}
