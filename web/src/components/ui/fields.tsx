import type { InputHTMLAttributes, ReactNode } from 'react';

/** A labelled text input with its hint and error, wired for screen readers (aria-describedby). */
export function TextField({
  id,
  label,
  hint,
  error,
  labelAsHeading = false,
  ...input
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** The question page pattern: the label is the page's h1. */
  labelAsHeading?: boolean;
} & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const labelElement = (
    <label className={labelAsHeading ? 'field__label field__label--heading' : 'field__label'} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      {labelAsHeading ? <h1>{labelElement}</h1> : labelElement}
      {hint ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        className={input.className ?? 'input'}
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
    </div>
  );
}

/** A labelled multi-line text input. */
export function TextArea({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 4,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea
        className="input"
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

/** A group of radio buttons in a fieldset whose legend asks the question. */
export function Radios<T extends string>({
  name,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  legendAsHeading = false,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: { value: T; label: ReactNode; hint?: ReactNode }[];
  value: T | undefined;
  onChange: (value: T) => void;
  legendAsHeading?: boolean;
}) {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset className={`field${error ? ' field--error' : ''}`} aria-describedby={describedBy || undefined}>
      <legend className={legendAsHeading ? 'field__legend field__legend--heading' : 'field__legend'}>
        {legendAsHeading ? <h1>{legend}</h1> : legend}
      </legend>
      {hint ? (
        <div className="field__hint" id={`${name}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      <div className="radios">
        {options.map((option, index) => {
          const id = index === 0 ? name : `${name}-${option.value}`;
          return (
            <div className="radio" key={option.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-describedby={option.hint ? `${id}-hint` : undefined}
              />
              <label htmlFor={id}>{option.label}</label>
              {option.hint ? (
                <div className="radio__hint" id={`${id}-hint`}>
                  {option.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
