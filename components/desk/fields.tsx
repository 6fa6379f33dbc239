"use client";

import type { InputHTMLAttributes, ReactNode } from "react";

interface FieldFrame {
  id: string;
  label: ReactNode;
  error?: string;
  /** Shown under the field when there is no error. */
  hint?: ReactNode;
  required?: boolean;
}

function Frame({ id, label, error, hint, required, children }: FieldFrame & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden> *</span>}
      </label>
      {children}
      {error ? <div className="field-hint field-error">{error}</div> : hint !== undefined ? <div className="field-hint">{hint}</div> : null}
    </div>
  );
}

/** A labelled input with its message underneath; `aria-invalid` follows the error. */
export function TextField({ id, label, error, hint, required, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={required}>
      <input id={id} aria-invalid={error ? true : undefined} {...input} />
    </Frame>
  );
}

/** A labelled select over fixed options. */
export function SelectField<T extends string>({
  id,
  label,
  error,
  hint,
  required,
  value,
  options,
  onChange,
  name,
  placeholder,
}: FieldFrame & { value?: T | ""; options: readonly { value: T; label: string }[]; onChange?(value: T): void; name?: string; placeholder?: string }) {
  return (
    <Frame id={id} label={label} error={error} hint={hint} required={required}>
      <select
        id={id}
        name={name}
        {...(onChange ? { value, onChange: (e) => onChange(e.target.value as T) } : { defaultValue: value })}
        aria-invalid={error ? true : undefined}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}
