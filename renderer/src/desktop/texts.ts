import type { Text } from '../../../app/model/types';

/** Every text the desktop integration shows, in English and Japanese. */
export const TEXT = {
  conflictTitle: { en: 'The file changed on disk', ja: 'ファイルがディスク上で変更されています' },
  conflictBody: {
    en: '“{name}” was changed by another program after you opened it. Saving now would overwrite those changes, so nothing was written.',
    ja: '「{name}」は、開いた後に別のプログラムによって変更されました。このまま保存するとその変更を上書きしてしまうため、何も書き込んでいません。',
  },
  conflictSaveElsewhere: { en: 'Save elsewhere…', ja: '別の場所に保存…' },
  conflictReload: { en: 'Reload from disk', ja: 'ディスクから再読み込み' },
  conflictReloadHint: {
    en: 'Reloading replaces your unsaved changes with the file on disk.',
    ja: '再読み込みすると、未保存の変更はディスク上のファイルの内容に置き換わります。',
  },
  cancel: { en: 'Cancel', ja: 'キャンセル' },
  closeTitle: { en: 'Save the changes before closing?', ja: '閉じる前に変更を保存しますか?' },
  closeBody: {
    en: '“{name}” has changes that are not saved. If you do not save, they are lost.',
    ja: '「{name}」には保存していない変更があります。保存しない場合、変更は失われます。',
  },
  closeSave: { en: 'Save', ja: '保存' },
  closeDiscard: { en: 'Don’t save', ja: '保存しない' },
  draftsTitle: { en: 'Recover unsaved work', ja: '未保存の作業を復元' },
  draftsBody: {
    en: 'Kumozu closed unexpectedly while these diagrams had unsaved changes. Restore the work you want to keep.',
    ja: '次の構成図に未保存の変更があるまま Kumozu が終了しました。残したい作業を復元してください。',
  },
  draftSavedAt: { en: 'last kept {time}', ja: '{time} に保存' },
  draftRestore: { en: 'Restore', ja: '復元' },
  draftDiscard: { en: 'Discard', ja: '破棄' },
  draftsLater: { en: 'Decide later', ja: 'あとで決める' },
  draftRestored: { en: 'Restored “{name}”. Save it to keep it.', ja: '「{name}」を復元しました。残すには保存してください。' },
  draftUnreadable: { en: 'The recovery draft “{name}” could not be read.', ja: '復元用の下書き「{name}」を読み込めませんでした。' },
  saveFailedKept: { en: '{why} The file on disk is unchanged.', ja: '{why} ディスク上のファイルは変更されていません。' },
  ioPermission: { en: 'You do not have permission to write there.', ja: 'その場所に書き込む権限がありません。' },
  ioFull: { en: 'The disk is full.', ja: 'ディスクに空きがありません。' },
  ioReadOnly: { en: 'The disk or folder is read-only.', ja: 'ディスクまたはフォルダーが読み取り専用です。' },
  ioMissing: { en: 'The folder no longer exists.', ja: 'フォルダーが見つかりません。' },
  ioBusy: { en: 'The file is locked by another program.', ja: 'ファイルが別のプログラムによってロックされています。' },
  ioOther: { en: 'The system reported: {message}', ja: 'システムからのエラー: {message}' },
  unknownFile: { en: 'Kumozu no longer knows where this file is; use Save As.', ja: 'このファイルの場所がわからなくなりました。「名前を付けて保存」を使ってください。' },
  refused: { en: 'The desktop app refused the request.', ja: 'デスクトップアプリが要求を拒否しました。' },
  reloadFailed: { en: 'Could not reload “{name}”: {why}', ja: '「{name}」を再読み込みできませんでした: {why}' },
  openFailedNamed: { en: 'Could not open “{name}”: {why} Your open diagram is unchanged.', ja: '「{name}」を開けませんでした: {why} 開いている構成図はそのままです。' },
  openNotFound: { en: 'The file no longer exists.', ja: 'ファイルが見つかりません。' },
  openNotAFile: { en: 'It is a folder, not a file.', ja: 'ファイルではなくフォルダーです。' },
  openUnreadable: { en: 'Kumozu may not read it (permission denied or locked).', ja: '読み取れません（権限がないか、ロックされています）。' },
  openTooLarge: { en: 'It is larger than a diagram can be.', ja: '構成図として大きすぎます。' },
  openNoEmbedded: { en: 'This image carries no Kumozu diagram.', ja: 'この画像には Kumozu の構成図が含まれていません。' },
  openNotDiagram: { en: 'It is neither a Kumozu diagram nor an image exported by Kumozu.', ja: 'Kumozu の構成図でも、Kumozu が書き出した画像でもありません。' },
  droppedMany: { en: 'Opened the first of the {count} dropped files.', ja: 'ドロップされた {count} 個のファイルのうち最初のものを開きました。' },
} satisfies Record<string, Text>;

export type TextKey = keyof typeof TEXT;

/** Fills `{name}` placeholders: the UI's one `format`, under this module's name. */
export { format as fill } from '../i18n/messages';

/** A name main accepts as a title: one line, no control characters, at most 255 characters. */
export function plainName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 255);
}

/** A name main accepts for a Save dialog: a plain file name (no folders, no characters file systems refuse). */
export function fileNameFor(name: string): string {
  const plain = plainName(name).replace(/[\\/:*?"<>|]+/g, '-').trim();
  return (plain === '' || plain === '.' || plain === '..' ? 'diagram' : plain).slice(0, 200);
}
