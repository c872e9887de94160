import { test, expect } from './support/fixtures';

const vpcDoc = {
  format: 'kumozu.diagram',
  version: 1,
  meta: { title: 'Editing', description: '', lang: 'en' },
  nodes: [
    { id: 'aws', kind: 'awsManagedAccount', label: 'AWS', parent: null, position: { x: 0, y: 0 }, size: { width: 360, height: 240 }, props: {} },
    { id: 'cp', kind: 'eksControlPlane', label: 'cluster', parent: 'aws', position: { x: 100, y: 80 }, props: {} },
    { id: 'vpc', kind: 'vpc', label: 'VPC', parent: null, position: { x: 420, y: 0 }, size: { width: 700, height: 420 }, props: {} },
    { id: 'sub', kind: 'subnet', label: 'private-a', parent: 'vpc', position: { x: 20, y: 40 }, size: { width: 440, height: 300 }, props: { tier: 'private' } },
    { id: 'mng', kind: 'managedNodeGroup', label: 'workers', parent: 'sub', position: { x: 20, y: 40 }, size: { width: 320, height: 180 }, props: {} },
    { id: 'kubectl', kind: 'kubectlClient', label: 'laptop', parent: null, position: { x: 100, y: 360 }, props: {} },
    { id: 'ecr', kind: 'ecrRepository', label: 'images', parent: null, position: { x: 100, y: 520 }, props: {} },
  ],
  edges: [],
  notes: [{ id: 'n1', text: 'A sticky note', position: { x: 460, y: 500 } }],
};

test.beforeEach(async ({ k }) => {
  await k.open({ lang: 'en' });
  await k.load(vpcDoc);
  await expect(k.node('mng')).toBeVisible();
});

test('dropping a component where it cannot sit is refused with the reason', async ({ k }) => {
  // A control plane dragged into a customer VPC: CP-001's reason, nothing added.
  const id = await k.dropFromPalette('eksControlPlane', { x: 1000, y: 300 });
  expect(id).toBeNull();
  await expect(k.page.getByTestId('refusal')).toContainText('AWS-managed account');
  expect((await k.doc()).nodes).toHaveLength(vpcDoc.nodes.length);
  // The same component in the AWS-managed account is accepted.
  expect(await k.dropFromPalette('eksControlPlane', { x: 260, y: 180 })).not.toBeNull();
});

test('a connection with no meaning is refused while drawing; a meaningful one gets its inferred kind', async ({ k }) => {
  expect(await k.connect('kubectl', 'ecr', 'bottom')).toBeNull();
  await expect(k.page.getByTestId('refusal')).toContainText('kubectl');
  expect((await k.doc()).edges).toEqual([]);

  const id = await k.connect('kubectl', 'cp', 'top');
  let doc = await k.doc();
  expect(doc.edges.find((e) => e.id === id)).toMatchObject({ kind: 'callsApi', source: 'kubectl', target: 'cp' });
  await expect(k.edge(id as string)).toBeVisible();
  await expect(k.page.getByTestId('edge-kind')).toHaveValue('callsApi');

  // Drawn backwards (subnet → node group) becomes usesSubnet from the node group.
  const back = await k.connect('sub', 'mng', 'bottom');
  doc = await k.doc();
  expect(doc.edges.find((e) => e.id === back)).toMatchObject({ kind: 'usesSubnet', source: 'mng', target: 'sub' });
});

test('moving a node into another container reparents it and keeps it in place; a refused move changes nothing', async ({ k }) => {
  // ecr may not sit in a VPC: the move is rolled back.
  const before = await k.doc();
  const ecr = await k.node('ecr').boundingBox();
  const vpc = await k.node('vpc').boundingBox();
  if (!ecr || !vpc) throw new Error('not visible');
  await k.dragNodeBy('ecr', vpc.x + vpc.width - 120 - ecr.x, vpc.y + vpc.height - 40 - ecr.y);
  await expect(k.page.getByTestId('refusal')).toContainText(/can't sit|ECR/);
  expect(await k.doc()).toEqual(before);

  // The node group can leave its subnet for the VPC: it is reparented, and stays where it was dropped.
  await k.dragNodeBy('mng', 0, 230);
  const after = await k.doc();
  const mng = after.nodes.find((n) => n.id === 'mng');
  expect(mng?.parent).toBe('vpc');
  const moved = await k.node('mng').boundingBox();
  const sub = await k.node('sub').boundingBox();
  expect(moved && sub && moved.y > sub.y + sub.height - 80).toBe(true);
  // One undo restores the original parent and position.
  await k.page.getByTestId('undo').click();
  expect(await k.doc()).toEqual(before);
});

test('a drag shows the node moving but writes nothing until the drop; Escape puts it back and ignores the rest of the drag', async ({ k, page }) => {
  const before = await k.doc();
  const start = await k.node('kubectl').boundingBox();
  if (!start) throw new Error('not visible');
  await page.mouse.move(start.x + start.width / 2, start.y + 12);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 200, start.y + 12 + 40, { steps: 8 });
  // The node follows the pointer on screen, but the document changes only on drop.
  await expect.poll(async () => (await k.node('kubectl').boundingBox())?.x).toBeGreaterThan(start.x + 150);
  expect(await k.doc()).toEqual(before);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await k.node('kubectl').boundingBox())?.x).toBe(start.x);
  // Moving on and releasing after Escape does not resurrect the cancelled drag.
  await page.mouse.move(start.x + start.width / 2 + 300, start.y + 12 + 60, { steps: 4 });
  await page.mouse.up();
  expect(await k.doc()).toEqual(before);
  expect((await k.node('kubectl').boundingBox())?.x).toBe(start.x);
  await expect(page.getByTestId('undo')).toBeDisabled();

  // A completed drag is one undoable move.
  await k.dragNodeBy('kubectl', 160, 0);
  const moved = (await k.doc()).nodes.find((n) => n.id === 'kubectl');
  expect(moved?.position.x).toBeGreaterThan(200);
  await page.getByTestId('undo').click();
  expect(await k.doc()).toEqual(before);
});

test('keyboard editing: delete, undo, copy and paste, duplicate, nudge', async ({ k, page }) => {
  await k.select('ecr');
  await page.keyboard.press('Delete');
  expect((await k.doc()).nodes.some((n) => n.id === 'ecr')).toBe(false);
  await page.keyboard.press('Control+z');
  expect((await k.doc()).nodes.some((n) => n.id === 'ecr')).toBe(true);

  // Copying a container copies what it holds; one paste is one undo step.
  await k.select('sub');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  let doc = await k.doc();
  expect(doc.nodes.filter((n) => n.kind === 'subnet')).toHaveLength(2);
  expect(doc.nodes.filter((n) => n.kind === 'managedNodeGroup')).toHaveLength(2);
  await page.getByTestId('undo').click();
  doc = await k.doc();
  expect(doc.nodes.filter((n) => n.kind === 'subnet')).toHaveLength(1);

  await k.select('ecr');
  await page.keyboard.press('Control+d');
  expect((await k.doc()).nodes.filter((n) => n.kind === 'ecrRepository')).toHaveLength(2);

  await k.select('ecr');
  const x0 = (await k.doc()).nodes.find((n) => n.id === 'ecr')?.position.x ?? 0;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect((await k.doc()).nodes.find((n) => n.id === 'ecr')?.position.x).toBe(x0 + 16);
  await page.keyboard.press('Alt+ArrowLeft');
  expect((await k.doc()).nodes.find((n) => n.id === 'ecr')?.position.x).toBe(x0 + 15);
});

test('shift-click selects several; box selection selects what it encloses', async ({ k, page }) => {
  await k.select('kubectl');
  const ecr = await k.node('ecr').boundingBox();
  if (!ecr) throw new Error('not visible');
  await page.keyboard.down('Shift');
  await page.mouse.click(ecr.x + ecr.width / 2, ecr.y + ecr.height / 2);
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('inspector')).toContainText('2 items selected');

  await page.keyboard.press('Escape');
  const kubectl = await k.node('kubectl').boundingBox();
  if (!kubectl) throw new Error('not visible');
  // Drag a box on the empty canvas around both leaves.
  await page.mouse.move(kubectl.x - 30, kubectl.y - 30);
  await page.mouse.down();
  await page.mouse.move(ecr.x + ecr.width + 30, ecr.y + ecr.height + 30, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByTestId('inspector')).toContainText('2 items selected');
});

test('the inspector offers the right widget for each prop and refuses invalid values', async ({ k, page }) => {
  await k.select('mng');
  const max = k.inspectorField('maxSize');
  await expect(max).toHaveAttribute('type', 'number');
  await max.fill('-3');
  await max.press('Enter');
  await expect(page.getByTestId('inspector')).toContainText('Not a valid value');
  expect((await k.doc()).nodes.find((n) => n.id === 'mng')?.props.maxSize).toBe(2);

  // A list editor for instance types.
  await k.inspectorField('instanceTypes-new').fill('m6i.large');
  await k.inspectorField('instanceTypes-new').press('Enter');
  expect((await k.doc()).nodes.find((n) => n.id === 'mng')?.props.instanceTypes).toEqual(['t3.medium', 'm6i.large']);

  // A CIDR field refuses what is not a CIDR.
  await k.select('vpc');
  await k.inspectorField('cidr').fill('10.0.0.0/33');
  await k.inspectorField('cidr').press('Enter');
  expect((await k.doc()).nodes.find((n) => n.id === 'vpc')?.props.cidr).toBe('');
  await k.inspectorField('cidr').fill('10.0.0.0/16');
  await k.inspectorField('cidr').press('Enter');
  expect((await k.doc()).nodes.find((n) => n.id === 'vpc')?.props.cidr).toBe('10.0.0.0/16');

  // The label, too.
  await k.inspectorField('label').fill('<b>prod</b> & "vpc"');
  await k.inspectorField('label').press('Enter');
  await expect(k.node('vpc')).toContainText('<b>prod</b> & "vpc"');
});

test('a selected container resizes with its handles as one undo step, its children staying in place', async ({ k, page }) => {
  await k.select('vpc');
  const before = await k.doc();
  const vpcBefore = before.nodes.find((n) => n.id === 'vpc');
  const corner = k.node('vpc').locator('.react-flow__resize-control.handle.bottom.right');
  const box = await corner.boundingBox();
  if (!box) throw new Error('no resize handle');
  const childBefore = await k.node('sub').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 80, box.y + 60, { steps: 8 });
  await page.mouse.up();
  const vpcAfter = (await k.doc()).nodes.find((n) => n.id === 'vpc');
  expect(vpcAfter?.size?.width).toBeGreaterThan(vpcBefore?.size?.width ?? 0);
  expect(vpcAfter?.size?.height).toBeGreaterThan(vpcBefore?.size?.height ?? 0);
  expect(await k.node('sub').boundingBox()).toEqual(childBefore);
  await page.getByTestId('undo').click();
  expect(await k.doc()).toEqual(before);
});
