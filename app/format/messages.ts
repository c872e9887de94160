import type { Lang, Text } from '../model/types';
import { MAX_VALUE_DEPTH } from './limits';
import type { Expectation, Found, IdCollection, ParseError, Repair } from './result';

/**
 * User-facing texts for read results, in both product languages. Every switch
 * is exhaustive: adding a case to `ParseError`, `Repair`, `Expectation` or
 * `Found` fails type checking here until it has its texts.
 */

export function describeParseError(error: ParseError, lang: Lang): string {
  return parseErrorText(error)[lang];
}

export function describeRepair(repair: Repair, lang: Lang): string {
  return repairText(repair)[lang];
}

function unreachable(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

/** 20001 -> "20,001" without depending on the runtime's locale data. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}

function parseErrorText(error: ParseError): Text {
  switch (error.reason) {
    case 'notJson':
      return {
        en: `The file could not be read as JSON (${error.detail}).`,
        ja: `ファイルを JSON として読み込めませんでした（${error.detail}）。`,
      };
    case 'notAKumozuFile':
      return {
        en: 'This file is not a Kumozu diagram: no "format": "kumozu.diagram" field was found.',
        ja: 'Kumozu の図のファイルではありません（"format": "kumozu.diagram" という項目が見つかりません）。',
      };
    case 'versionTooNew':
      return {
        en: `This diagram was saved by a newer Kumozu (file format version ${error.version}; this app reads up to version ${error.supported}). Update Kumozu to open it.`,
        ja: `この図は新しいバージョンの Kumozu で保存されています（ファイル形式のバージョン ${error.version}。このアプリが読めるのはバージョン ${error.supported} までです）。開くには Kumozu を更新してください。`,
      };
    case 'invalid': {
      const where = error.path === '' ? { en: 'the file', ja: 'ファイル全体' } : { en: error.path, ja: error.path };
      const expected = expectationText(error.expected);
      if (error.found === 'missing') {
        return {
          en: `The diagram file is damaged: ${where.en} is missing; it must be ${expected.en}.`,
          ja: `図のファイルが壊れています。${where.ja} がありません（${spaced(expected.ja).trimStart()}が必要です）。`,
        };
      }
      const found = foundText(error.found, error.expected, error.actual);
      return {
        en: `The diagram file is damaged: ${where.en} must be ${expected.en}, but ${found.en}.`,
        ja: `図のファイルが壊れています。${where.ja} には${spaced(expected.ja)}が必要ですが、${found.ja}。`,
      };
    }
    case 'tooLarge':
      switch (error.limit) {
        case 'bytes':
          return {
            en: `The file is too large to open (${megabytes(error.actual)} MB; the limit is ${megabytes(error.max)} MB).`,
            ja: `ファイルが大きすぎるため開けません（${megabytes(error.actual)} MB。上限は ${megabytes(error.max)} MB です）。`,
          };
        case 'nodes':
          return {
            en: `The diagram has too many components to open (${grouped(error.actual)}; the limit is ${grouped(error.max)}).`,
            ja: `図のコンポーネントが多すぎるため開けません（${grouped(error.actual)} 個。上限は ${grouped(error.max)} 個です）。`,
          };
        default:
          return unreachable(error.limit);
      }
    default:
      return unreachable(error);
  }
}

function expectationText(expected: Expectation): Text {
  switch (expected) {
    case 'object':
      return { en: 'an object', ja: 'オブジェクト' };
    case 'array':
      return { en: 'a list (JSON array)', ja: '配列' };
    case 'string':
      return { en: 'a string', ja: '文字列' };
    case 'nonEmptyString':
      return { en: 'a non-empty string', ja: '空でない文字列' };
    case 'stringOrNull':
      return { en: 'a node id or null', ja: 'ノードの ID または null' };
    case 'finiteNumber':
      return { en: 'a number', ja: '数値' };
    case 'positiveNumber':
      return { en: 'a number greater than 0', ja: '0 より大きい数値' };
    case 'versionNumber':
      return { en: 'a whole number of 1 or more', ja: '1 以上の整数' };
    case 'lang':
      return { en: '"ja" or "en"', ja: '"ja" または "en"' };
    case 'jsonValue':
      return { en: 'a JSON value', ja: 'JSON で表せる値' };
    case 'shallowerNesting':
      return { en: `a value nested at most ${MAX_VALUE_DEPTH} levels deep`, ja: `入れ子が ${MAX_VALUE_DEPTH} 段以内の値` };
    default:
      return unreachable(expected);
  }
}

/** The base JSON type an expectation asks for, to tell "wrong type" from "wrong value". */
function baseType(expected: Expectation): Found | undefined {
  switch (expected) {
    case 'string':
    case 'nonEmptyString':
    case 'lang':
      return 'string';
    case 'finiteNumber':
    case 'positiveNumber':
    case 'versionNumber':
      return 'number';
    case 'object':
    case 'shallowerNesting':
      return 'object';
    case 'array':
      return 'array';
    case 'stringOrNull':
    case 'jsonValue':
      return undefined;
    default:
      return unreachable(expected);
  }
}

/**
 * Japanese text puts a space between Japanese and Latin letters or digits; pads
 * `text` on each side where it begins or ends with one, for use between
 * Japanese particles (`には` … `が必要`).
 */
function spaced(text: string): string {
  const latin = /[A-Za-z0-9"]/;
  return `${latin.test(text.charAt(0)) ? ' ' : ''}${text}${latin.test(text.charAt(text.length - 1)) ? ' ' : ''}`;
}

function foundText(found: Found, expected: Expectation, actual: string | undefined): Text {
  if (found === baseType(expected) || (expected === 'shallowerNesting' && found === 'array')) {
    // Right type, wrong value: quote it when it is short.
    return actual === undefined
      ? { en: 'this value is not allowed', ja: 'この値は使えません' }
      : { en: `it is ${actual}`, ja: `${actual} になっています` };
  }
  switch (found) {
    case 'missing':
      return { en: 'it is missing', ja: '値がありません' };
    case 'null':
      return { en: 'it is null', ja: 'null になっています' };
    case 'boolean':
      return { en: 'it is true or false', ja: '真偽値（true / false）になっています' };
    case 'number':
      return { en: 'it is a number', ja: '数値になっています' };
    case 'string':
      return { en: 'it is a string', ja: '文字列になっています' };
    case 'array':
      return { en: 'it is a list', ja: '配列になっています' };
    case 'object':
      return { en: 'it is an object', ja: 'オブジェクトになっています' };
    case 'other':
      return { en: 'it is not a JSON value', ja: 'JSON で表せない値になっています' };
    default:
      return unreachable(found);
  }
}

function collectionNoun(collection: IdCollection): Text {
  switch (collection) {
    case 'nodes':
      return { en: 'component', ja: 'コンポーネント' };
    case 'edges':
      return { en: 'connection', ja: '接続' };
    case 'notes':
      return { en: 'note', ja: 'メモ' };
    case 'steps':
      return { en: 'presentation step', ja: 'プレゼンのステップ' };
    default:
      return unreachable(collection);
  }
}

function repairText(repair: Repair): Text {
  switch (repair.kind) {
    case 'duplicateIdRenamed': {
      const noun = collectionNoun(repair.collection);
      return {
        en: `The id "${repair.oldId}" was used more than once; the later ${noun.en} was renamed "${repair.newId}".`,
        ja: `ID「${repair.oldId}」が重複していたため、後にある${noun.ja}の ID を「${repair.newId}」に変更しました。`,
      };
    }
    case 'droppedDanglingEdge':
      return {
        en: `Connection "${repair.edgeId}" was removed because its endpoint "${repair.missing}" does not exist.`,
        ja: `接続「${repair.edgeId}」は、つながる先のコンポーネント「${repair.missing}」が存在しないため削除しました。`,
      };
    case 'orphanReparented':
      return {
        en: `Component "${repair.nodeId}" was inside "${repair.missingParent}", which does not exist; it now sits directly on the canvas.`,
        ja: `コンポーネント「${repair.nodeId}」の親「${repair.missingParent}」が存在しないため、キャンバスの直下に移しました。`,
      };
    case 'parentCycleBroken':
      if (repair.formerParent === repair.nodeId) {
        return {
          en: `Component "${repair.nodeId}" was its own parent; it now sits directly on the canvas.`,
          ja: `コンポーネント「${repair.nodeId}」が自分自身を親にしていたため、キャンバスの直下に移しました。`,
        };
      }
      return {
        en: `Component "${repair.nodeId}" was inside "${repair.formerParent}", which is itself inside "${repair.nodeId}" (a loop); "${repair.nodeId}" now sits directly on the canvas.`,
        ja: `コンポーネント「${repair.nodeId}」の親「${repair.formerParent}」が「${repair.nodeId}」自身の中にある循環になっていたため、「${repair.nodeId}」をキャンバスの直下に移しました。`,
      };
    case 'containerSizeAdded':
      return {
        en: `Container "${repair.nodeId}" had no size; it was given its default size, ${repair.size.width} × ${repair.size.height}.`,
        ja: `コンテナー「${repair.nodeId}」にサイズがなかったため、既定のサイズ ${repair.size.width} × ${repair.size.height} を設定しました。`,
      };
    case 'nodesReordered':
      return {
        en:
          repair.moved === 1
            ? 'A parent was listed after its contents; it was moved ahead of them so that parents come first.'
            : `${grouped(repair.moved)} parents were listed after their contents; they were moved ahead of them so that parents come first.`,
        ja: `親より前に書かれていた子があったため、親が先に来るようにコンポーネントの順序を並べ替えました（${grouped(repair.moved)} 個を移動）。`,
      };
    case 'stepReferenceDropped': {
      const noun = repair.collection === 'nodes' ? { en: 'component', ja: 'コンポーネント' } : { en: 'connection', ja: '接続' };
      return repair.why === 'missing'
        ? {
            en: `Presentation step "${repair.stepId}" named the ${noun.en} "${repair.ref}", which does not exist; it was taken out of the step.`,
            ja: `プレゼンのステップ「${repair.stepId}」に、存在しない${noun.ja}「${repair.ref}」が含まれていたため、ステップから外しました。`,
          }
        : {
            en: `Presentation step "${repair.stepId}" named the ${noun.en} "${repair.ref}" more than once; the repeat was removed.`,
            ja: `プレゼンのステップ「${repair.stepId}」に${noun.ja}「${repair.ref}」が重複して含まれていたため、重複分を外しました。`,
          };
    }
    default:
      return unreachable(repair);
  }
}
