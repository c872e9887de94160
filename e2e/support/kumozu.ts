import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Page object for the Kumozu renderer, driven only through the hooks of
 * spec/ui-hooks.md (plus plain visible controls), as a user would.
 */

export interface FlowPoint {
  x: number;
  y: number;
}

export type Doc = {
  meta: { title: string; description: string; lang: string };
  nodes: { id: string; kind: string; label: string; parent: string | null; position: FlowPoint; size?: { width: number; height: number }; props: Record<string, unknown> }[];
  edges: { id: string; kind: string; source: string; target: string; label: string; props: Record<string, unknown> }[];
  notes: unknown[];
};

export class Kumozu {
  constructor(readonly page: Page) {}

  /** Opens the renderer; the File System Access pickers are hidden so the upload/download path is used. */
  async open(options: { lang?: 'en' | 'ja'; keepPickers?: boolean } = {}): Promise<void> {
    if (!options.keepPickers) {
      await this.page.addInitScript(() => {
        delete (window as unknown as Record<string, unknown>).showOpenFilePicker;
        delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
      });
    }
    await this.page.goto('/?automation=1');
    await expect(this.canvas).toBeVisible();
    if (options.lang) await this.page.getByTestId('lang-switch').selectOption(options.lang);
  }

  get canvas(): Locator {
    return this.page.getByTestId('canvas');
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  edge(id: string): Locator {
    return this.page.locator(`.react-flow__edge[data-id="${id}"]`);
  }

  async doc(): Promise<Doc> {
    return this.page.evaluate(() => (window as unknown as { kumozuAutomation: { getDocument(): Doc } }).kumozuAutomation.getDocument());
  }

  async load(doc: unknown): Promise<void> {
    await this.page.evaluate((d) => (window as unknown as { kumozuAutomation: { loadDocument(x: unknown): void } }).kumozuAutomation.loadDocument(d), doc);
  }

  /** React Flow's viewport transform: screen = canvas origin + translate + flow × zoom. */
  async viewport(): Promise<{ x: number; y: number; zoom: number; left: number; top: number }> {
    return this.page.evaluate(() => {
      const vp = document.querySelector('.react-flow__viewport') as HTMLElement;
      const pane = document.querySelector('.react-flow') as HTMLElement;
      const m = new DOMMatrixReadOnly(getComputedStyle(vp).transform);
      const r = pane.getBoundingClientRect();
      return { x: m.e, y: m.f, zoom: m.a, left: r.left, top: r.top };
    });
  }

  /** The viewport once any animated fit or frame has finished (two reads 150 ms apart agree), rounded to what the eye sees. */
  async settledViewport(): Promise<{ x: number; y: number; zoom: number; left: number; top: number }> {
    const round = (v: { x: number; y: number; zoom: number; left: number; top: number }) => ({
      ...v,
      x: Math.round(v.x * 10) / 10,
      y: Math.round(v.y * 10) / 10,
      zoom: Math.round(v.zoom * 1e4) / 1e4,
    });
    let last = round(await this.viewport());
    for (let i = 0; i < 40; i++) {
      await this.page.waitForTimeout(150);
      const now = round(await this.viewport());
      if (JSON.stringify(now) === JSON.stringify(last)) return now;
      last = now;
    }
    throw new Error('the viewport never settled');
  }

  async toScreen(p: FlowPoint): Promise<FlowPoint> {
    const v = await this.viewport();
    return { x: v.left + v.x + p.x * v.zoom, y: v.top + v.y + p.y * v.zoom };
  }

  async zoomOut(times: number): Promise<void> {
    for (let i = 0; i < times; i++) await this.page.locator('.react-flow__controls-zoomout').click();
  }

  /** Drags a palette entry onto the canvas at a canvas (flow) point; returns the new node's id, or null if refused. */
  async dropFromPalette(kind: string, at: FlowPoint): Promise<string | null> {
    const before = new Set((await this.doc()).nodes.map((n) => n.id));
    const item = this.page.locator(`[data-testid="palette-item"][data-kind="${kind}"]`);
    await item.scrollIntoViewIfNeeded();
    const screen = await this.toScreen(at);
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('canvas not visible');
    await item.dragTo(this.canvas, { targetPosition: { x: screen.x - box.x, y: screen.y - box.y } });
    const after = (await this.doc()).nodes.map((n) => n.id);
    return after.find((id) => !before.has(id)) ?? null;
  }

  /** Drags from a node's side handle to a point over another node, as a user draws a connection. */
  async connect(sourceId: string, targetId: string, side: 'top' | 'right' | 'bottom' | 'left' = 'right'): Promise<string | null> {
    const before = new Set((await this.doc()).edges.map((e) => e.id));
    const source = this.node(sourceId);
    const over = await this.centerOf(sourceId);
    await this.page.mouse.move(over.x, over.y);
    const handle = source.locator(`.react-flow__handle-${side}`).first();
    const hb = await handle.boundingBox();
    const target = await this.centerOf(targetId);
    if (!hb) throw new Error(`no ${side} handle on ${sourceId}`);
    await this.page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(target.x, target.y, { steps: 12 });
    await this.page.mouse.up();
    const after = (await this.doc()).edges.map((e) => e.id);
    return after.find((id) => !before.has(id)) ?? null;
  }

  /** A point inside a node that is not covered by its children (the title area of a container). */
  async centerOf(id: string): Promise<FlowPoint> {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`node ${id} not visible`);
    return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 14) };
  }

  async dragNodeBy(id: string, dx: number, dy: number): Promise<void> {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`node ${id} not visible`);
    const start = { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 12) };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + dx, start.y + dy, { steps: 15 });
    await this.page.mouse.up();
  }

  async select(id: string): Promise<void> {
    const box = await this.node(id).boundingBox();
    if (!box) throw new Error(`node ${id} not visible`);
    await this.page.mouse.click(box.x + box.width / 2, box.y + Math.min(box.height / 2, 12));
  }

  inspectorField(name: string): Locator {
    return this.page.getByTestId('inspector').getByTestId(`prop-${name}`);
  }
}
