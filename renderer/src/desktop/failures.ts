import type { Lang } from '../../../app/model/types';
import { fill, TEXT } from './texts';

/**
 * The preload turns a failed file operation into an Error whose message is
 * the failure's reason (`conflict`, `unknownToken`, `io:<code>: <message>`);
 * a refusal by main arrives as Electron's "Error invoking remote method …".
 */
export type Failure =
  | { kind: 'conflict' }
  | { kind: 'io'; code: string; message: string }
  | { kind: 'unknownToken' }
  | { kind: 'notADiagram'; detail: string }
  | { kind: 'other'; message: string };

export function classify(error: unknown): Failure {
  const message = error instanceof Error ? error.message : String(error);
  if (/(^|: )conflict$/.test(message)) return { kind: 'conflict' };
  if (/(^|: )unknownToken$/.test(message)) return { kind: 'unknownToken' };
  const notDiagram = /(?:^|: )notADiagram(?::(\w+))?$/.exec(message);
  if (notDiagram) return { kind: 'notADiagram', detail: notDiagram[1] ?? '' };
  const io = /(?:^|: )io:([A-Z0-9_]+): ([\s\S]*)$/.exec(message);
  if (io) return { kind: 'io', code: io[1] ?? 'UNKNOWN', message: io[2] ?? '' };
  return { kind: 'other', message };
}

/** Why a save failed, in the user's language, saying that the old file is intact. */
export function describeSaveFailure(failure: Failure, lang: Lang): string {
  const why = ((): string => {
    switch (failure.kind) {
      case 'io':
        switch (failure.code) {
          case 'EACCES':
          case 'EPERM':
            return TEXT.ioPermission[lang];
          case 'ENOSPC':
          case 'EDQUOT':
            return TEXT.ioFull[lang];
          case 'EROFS':
            return TEXT.ioReadOnly[lang];
          case 'ENOENT':
          case 'ENOTDIR':
            return TEXT.ioMissing[lang];
          case 'EBUSY':
            return TEXT.ioBusy[lang];
          default:
            return fill(TEXT.ioOther[lang], { message: failure.message || failure.code });
        }
      case 'unknownToken':
        return TEXT.unknownFile[lang];
      case 'conflict':
        return fill(TEXT.conflictBody[lang], { name: '' });
      case 'notADiagram':
        return describeOpenFailure(failure.detail, lang);
      case 'other':
        return /refused|Error invoking remote method/.test(failure.message) ? TEXT.refused[lang] : failure.message;
    }
  })();
  return fill(TEXT.saveFailedKept[lang], { why });
}

/** Why a file could not be opened (main's reason: the InputFailure reasons of main/cli/io.ts, or `notAnImage`). */
export function describeOpenFailure(reason: string, lang: Lang): string {
  switch (reason) {
    case 'notFound':
      return TEXT.openNotFound[lang];
    case 'notAFile':
      return TEXT.openNotAFile[lang];
    case 'unreadable':
      return TEXT.openUnreadable[lang];
    case 'parse':
      // The only parse failure main finds before reading is the size limit.
      return TEXT.openTooLarge[lang];
    case 'noEmbeddedDiagram':
      return TEXT.openNoEmbedded[lang];
    default:
      return TEXT.openNotDiagram[lang];
  }
}

/** The reason a failed open shows (the workspace adds the file name and "your diagram is unchanged"). */
export function describeOpenError(error: unknown, lang: Lang): string {
  const failure = classify(error);
  switch (failure.kind) {
    case 'notADiagram':
      return describeOpenFailure(failure.detail, lang);
    case 'io':
    case 'unknownToken':
    case 'conflict':
      return TEXT.openUnreadable[lang];
    case 'other':
      return /refused|Error invoking remote method/.test(failure.message) ? TEXT.refused[lang] : failure.message;
  }
}
