// Controls the shared field module lacks (select, checkbox, radio group), with the same hint/error wiring.
import type { ReactNode, SelectHTMLAttributes } from 'react';

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

function Hint({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p className="field-hint" id={id}>
      {text}
    </p>
  ) : null;
}

function ErrorText({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p className="field-error" id={id}>
      {text}
    </p>
  ) : null;
}

export function SelectField({
  name,
  label,
  hint,
  error,
  children,
  ...select
}: { name: string; label: string; hint?: string; error?: string; children: ReactNode } & Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'name'
>) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={name}>{label}</label>
      <Hint id={`${name}-hint`} text={hint} />
      <ErrorText id={`${name}-error`} text={error} />
      <select
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && `${name}-error`, hint && `${name}-hint`)}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

export function CheckField({
  name,
  label,
  hint,
  checked,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="field field-check">
      <div className="check-row">
        <input
          type="checkbox"
          id={name}
          name={name}
          checked={checked}
          aria-describedby={hint ? `${name}-hint` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={name}>{label}</label>
      </div>
      <Hint id={`${name}-hint`} text={hint} />
    </div>
  );
}

/** A radio group in its own fieldset; each option carries its plain-Spanish explanation as its description. */
export function RadioGroup<T extends string>({
  name,
  legend,
  options,
  value,
  error,
  onChange,
}: {
  name: string;
  legend: string;
  options: { value: T; label: string; explanation: string }[];
  value: T;
  error?: string;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset
      className={error ? 'radio-group field-invalid' : 'radio-group'}
      id={name}
      tabIndex={-1}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend>{legend}</legend>
      <ErrorText id={`${name}-error`} text={error} />
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div className="radio-option" key={option.value}>
            <div className="check-row">
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                aria-describedby={`${id}-explained`}
                onChange={() => onChange(option.value)}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
            <p className="field-hint" id={`${id}-explained`}>
              {option.explanation}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
