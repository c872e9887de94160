import { useEffect, useState, type KeyboardEvent } from 'react';
import { isValidPropValue, parseCidr } from '../../../app/catalog/props';
import type { PropSpec } from '../../../app/catalog/types';
import type { Json, JsonObject } from '../../../app/model/types';
import { useI18n } from '../i18n/i18n';

/**
 * One widget per prop type (components.md §1.1). A widget only ever commits a
 * value that `isValidPropValue` accepts, so invalid values cannot be entered;
 * a stored invalid value (from a file) is shown flagged until replaced.
 */

export interface FieldProps {
  readonly spec: PropSpec;
  readonly value: Json;
  /** The element's other props, for values that depend on them. */
  readonly siblings?: Readonly<Record<string, Json>>;
  readonly disabled?: boolean;
  readonly onCommit: (value: Json) => void;
}

const show = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** A text box that commits on Enter or blur, and only valid text. */
function CommitText({
  testId,
  value,
  validate,
  onCommit,
  placeholder,
  disabled,
  multiline,
}: {
  testId: string;
  value: string;
  validate?: (text: string) => string | null;
  onCommit: (text: string) => void;
  placeholder?: string | undefined;
  disabled?: boolean | undefined;
  multiline?: boolean;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const error = validate ? validate(text) : null;
  const commit = () => {
    if (error === null && text !== value) onCommit(text);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') setText(value);
  };
  const common = {
    'data-testid': testId,
    value: text,
    disabled,
    placeholder,
    'aria-invalid': error !== null,
    className: error ? 'k-invalid' : undefined,
    onBlur: commit,
    onKeyDown,
  };
  return (
    <>
      {multiline ? (
        <textarea rows={3} {...common} onChange={(e) => setText(e.target.value)} />
      ) : (
        <input type="text" {...common} onChange={(e) => setText(e.target.value)} />
      )}
      {error && <div className="k-field-error">{t('inspector.invalidInput', { detail: error })}</div>}
    </>
  );
}

export { CommitText };

function cidrError(text: string): string | null {
  return text.trim() === '' || parseCidr(text.trim()) ? null : 'a.b.c.d/n';
}

function NumberField({ spec, value, onCommit, disabled }: FieldProps) {
  const { t } = useI18n();
  const nullable = spec.type === 'int?';
  const current = typeof value === 'number' ? String(value) : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const parsed: Json = text.trim() === '' ? null : Number(text);
  const ok = (nullable || parsed !== null) && isValidPropValue(spec, parsed);
  const commit = () => {
    if (ok && parsed !== value) onCommit(parsed);
  };
  return (
    <>
      <input
        type="number"
        data-testid={`prop-${spec.name}`}
        value={text}
        step={1}
        min={spec.min}
        max={spec.max}
        disabled={disabled}
        placeholder={nullable ? t('inspector.notSet') : undefined}
        className={ok ? undefined : 'k-invalid'}
        aria-invalid={!ok}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {!ok && (
        <div className="k-field-error">
          {t('inspector.invalidInput', {
            detail: `${spec.min ?? '−∞'} – ${spec.max ?? '∞'}${nullable ? `, ${t('inspector.notSet')}` : ''}`,
          })}
        </div>
      )}
    </>
  );
}

function EnumSetField({ spec, value, onCommit, disabled }: FieldProps) {
  const values = spec.values ?? [];
  const chosen = new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  return (
    <div className="k-checks" data-testid={`prop-${spec.name}`}>
      {values.map((v) => (
        <label key={v}>
          <input
            type="checkbox"
            value={v}
            disabled={disabled}
            checked={chosen.has(v)}
            onChange={(e) => {
              const next = new Set(chosen);
              if (e.target.checked) next.add(v);
              else next.delete(v);
              // Written in the listed order, no duplicates (§1.1).
              onCommit(values.filter((x) => next.has(x)));
            }}
          />
          {v}
        </label>
      ))}
    </div>
  );
}

function ListField({ spec, value, onCommit, disabled }: FieldProps) {
  const { t } = useI18n();
  const items = Array.isArray(value) ? value.map(show) : [];
  const [draft, setDraft] = useState('');
  const isCidr = spec.type === 'cidr[]';
  const error = draft.trim() === '' ? null : isCidr ? cidrError(draft) : null;
  const add = () => {
    const v = draft.trim();
    if (!v || error) return;
    onCommit([...items, v]);
    setDraft('');
  };
  return (
    <div className="k-list" data-testid={`prop-${spec.name}`}>
      <ul>
        {items.map((item, i) => (
          <li key={`${i}-${item}`} className="k-chip">
            <span>{item}</span>
            <button type="button" disabled={disabled} aria-label={`${t('inspector.remove')} ${item}`} onClick={() => onCommit(items.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="k-list-add">
        <input
          type="text"
          data-testid={`prop-${spec.name}-new`}
          value={draft}
          disabled={disabled}
          placeholder={spec.placeholder}
          className={error ? 'k-invalid' : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" disabled={disabled || !draft.trim() || error !== null} onClick={add}>
          {t('inspector.add')}
        </button>
      </div>
      {error && <div className="k-field-error">{t('inspector.invalidInput', { detail: error })}</div>}
    </div>
  );
}

function RecordListField({ spec, value, onCommit, disabled }: FieldProps) {
  const { t, tx } = useI18n();
  const fields = spec.recordFields ?? [];
  const rows: JsonObject[] = Array.isArray(value) ? value.filter((r): r is JsonObject => typeof r === 'object' && r !== null && !Array.isArray(r)) : [];
  const update = (i: number, name: string, v: string) => onCommit(rows.map((r, j) => (j === i ? { ...r, [name]: v } : r)));
  const blank = (): JsonObject => Object.fromEntries(fields.map((f) => [f.name, f.default]));
  return (
    <div className="k-records" data-testid={`prop-${spec.name}`}>
      <table>
        <thead>
          <tr>
            {fields.map((f) => (
              <th key={f.name}>{tx(f.label)}</th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {fields.map((f) => (
                <td key={f.name}>
                  {f.type === 'enum' ? (
                    <select disabled={disabled} value={show(row[f.name] ?? f.default)} onChange={(e) => update(i, f.name, e.target.value)}>
                      {(f.values ?? []).map((v) => (
                        <option key={v} value={v}>
                          {v}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <CommitText testId={`prop-${spec.name}-${i}-${f.name}`} value={show(row[f.name] ?? '')} disabled={disabled} onCommit={(v) => update(i, f.name, v)} />
                  )}
                </td>
              ))}
              <td>
                <button type="button" disabled={disabled} aria-label={t('inspector.remove')} onClick={() => onCommit(rows.filter((_, j) => j !== i))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" disabled={disabled} onClick={() => onCommit([...rows, blank()])}>
        {t('inspector.addRule')}
      </button>
    </div>
  );
}

export function PropField(props: FieldProps) {
  const { spec, value, onCommit, disabled } = props;
  const testId = `prop-${spec.name}`;
  switch (spec.type) {
    case 'bool':
      return <input type="checkbox" data-testid={testId} disabled={disabled} checked={value === true} onChange={(e) => onCommit(e.target.checked)} />;
    case 'enum': {
      const values = (spec.valuesWhen && props.siblings ? spec.valuesWhen(props.siblings) : spec.values) ?? [];
      const known = typeof value === 'string' && values.includes(value);
      return (
        <select data-testid={testId} disabled={disabled} value={known ? value : ''} onChange={(e) => onCommit(e.target.value)}>
          {!known && <option value="" disabled>{show(value)}</option>}
          {values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      );
    }
    case 'int':
    case 'int?':
      return <NumberField {...props} />;
    case 'enum[]':
      return <EnumSetField {...props} />;
    case 'string[]':
    case 'cidr[]':
      return <ListField {...props} />;
    case 'record[]':
      return <RecordListField {...props} />;
    case 'cidr':
      return (
        <CommitText testId={testId} value={typeof value === 'string' ? value : ''} validate={cidrError} onCommit={(v) => onCommit(v.trim())} placeholder={spec.placeholder} disabled={disabled} />
      );
    case 'string':
      return <CommitText testId={testId} value={typeof value === 'string' ? value : show(value)} onCommit={(v) => onCommit(v.trim())} placeholder={spec.placeholder} disabled={disabled} />;
    default: {
      const never: never = spec.type;
      return <span>{String(never)}</span>;
    }
  }
}
