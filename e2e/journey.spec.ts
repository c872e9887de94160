import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Kumozu, type Doc } from './support/kumozu';

/**
 * A new user draws a real EKS layout with the mouse, edits it, saves it,
 * reloads, reopens the file and finds it exactly as they left it.
 */
test('draw an EKS layout with the mouse, save, reload, reopen', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  const k = new Kumozu(page);
  await k.open({ lang: 'en' });
  await k.zoomOut(4);

  // Accounts. Containers land with their title bar at the pointer.
  const aws = await k.dropFromPalette('awsManagedAccount', { x: 24, y: 16 });
  const acct = await k.dropFromPalette('customerAccount', { x: 424, y: 16 });
  expect(aws).not.toBeNull();
  expect(acct).not.toBeNull();
  const cp = await k.dropFromPalette('eksControlPlane', { x: 180, y: 140 });

  // VPC in the account, two AZs in the VPC, a public and a private subnet in each AZ.
  const vpc = await k.dropFromPalette('vpc', { x: 464, y: 76 });
  const azA = await k.dropFromPalette('availabilityZone', { x: 484, y: 126 });
  const azB = await k.dropFromPalette('availabilityZone', { x: 1004, y: 126 });
  const pubA = await k.dropFromPalette('subnet', { x: 504, y: 166 });
  const privA = await k.dropFromPalette('subnet', { x: 504, y: 426 });
  const pubB = await k.dropFromPalette('subnet', { x: 1024, y: 166 });
  const privB = await k.dropFromPalette('subnet', { x: 1024, y: 426 });

  // Compute in the private subnets, with workloads inside; ENIs and the ALB in the public subnets.
  const mng = await k.dropFromPalette('managedNodeGroup', { x: 524, y: 466 });
  const fargate = await k.dropFromPalette('fargateProfile', { x: 1044, y: 466 });
  const wlA = await k.dropFromPalette('workload', { x: 640, y: 570 });
  const wlB = await k.dropFromPalette('workload', { x: 1160, y: 570 });
  const eniA = await k.dropFromPalette('clusterEni', { x: 600, y: 250 });
  const eniB = await k.dropFromPalette('clusterEni', { x: 1120, y: 250 });
  const alb = await k.dropFromPalette('applicationLoadBalancer', { x: 800, y: 250 });

  let doc = await k.doc();
  const parentOf = (id: string | null) => doc.nodes.find((n) => n.id === id)?.parent;
  expect(parentOf(cp)).toBe(aws);
  expect(parentOf(vpc)).toBe(acct);
  expect([parentOf(azA), parentOf(azB)]).toEqual([vpc, vpc]);
  expect([parentOf(pubA), parentOf(privA), parentOf(pubB), parentOf(privB)]).toEqual([azA, azA, azB, azB]);
  expect(parentOf(mng)).toBe(privA);
  expect(parentOf(fargate)).toBe(privB);
  expect(parentOf(wlA)).toBe(mng);
  expect(parentOf(wlB)).toBe(fargate);
  expect([parentOf(eniA), parentOf(eniB), parentOf(alb)]).toEqual([pubA, pubB, pubA]);

  // Make the top subnets public in the inspector; public and private subnets look different.
  for (const id of [pubA, pubB]) {
    await k.select(id as string);
    await k.inspectorField('tier').selectOption('public');
  }
  await expect(k.node(pubA as string).locator('.k-subnet-public')).toBeVisible();
  await expect(k.node(privA as string).locator('.k-subnet-private')).toBeVisible();

  // Connections: the kind is inferred from the two ends.
  const edges = [
    await k.connect(cp as string, eniA as string),
    await k.connect(cp as string, eniB as string),
    await k.connect(mng as string, cp as string, 'top'),
    await k.connect(fargate as string, cp as string, 'top'),
    await k.connect(alb as string, pubB as string),
  ];
  doc = await k.doc();
  const kinds = edges.map((id) => doc.edges.find((e) => e.id === id)?.kind);
  expect(kinds).toEqual(['eniAttachment', 'eniAttachment', 'joins', 'joins', 'usesSubnet']);
  for (const id of edges) await expect(k.edge(id as string)).toBeVisible();

  // Edit a property, undo it, redo it.
  await k.select(mng as string);
  await k.inspectorField('capacityType').selectOption('SPOT');
  await k.inspectorField('maxSize').fill('6');
  await k.inspectorField('maxSize').press('Enter');
  const mngProps = async () => (await k.doc()).nodes.find((n) => n.id === mng)?.props;
  expect(await mngProps()).toMatchObject({ capacityType: 'SPOT', maxSize: 6 });
  await page.getByTestId('undo').click();
  expect(await mngProps()).toMatchObject({ capacityType: 'SPOT', maxSize: 2 });
  await page.getByTestId('undo').click();
  expect(await mngProps()).toMatchObject({ capacityType: 'ON_DEMAND' });
  await page.getByTestId('redo').click();
  await page.getByTestId('redo').click();
  expect(await mngProps()).toMatchObject({ capacityType: 'SPOT', maxSize: 6 });

  // Save (download in a browser without the File System Access API).
  const drawn = await k.doc();
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('file-save').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.kumozu\.json$/);
  const savedPath = testInfo.outputPath('saved.kumozu.json');
  await download.saveAs(savedPath);
  const saved = JSON.parse(readFileSync(savedPath, 'utf8')) as Doc;
  expect(saved).toEqual(drawn);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');

  // Reload: the working diagram comes back.
  await page.reload();
  await expect(k.node(mng as string)).toBeVisible();
  expect(await k.doc()).toEqual(drawn);

  // Start afresh, then open the saved file.
  await page.getByTestId('file-new').click();
  expect((await k.doc()).nodes).toEqual([]);
  const chooserPromise = page.waitForEvent('filechooser');
  await page.getByTestId('file-open').click();
  await (await chooserPromise).setFiles(savedPath);
  await expect(k.node(mng as string)).toBeVisible();
  expect(await k.doc()).toEqual(drawn);
});
