import type { CommentFormField } from '@/lib/comments/form';

type CommentFormFieldProps = {
  field: CommentFormField;
  label: string;
  required?: boolean;
  type?: 'text' | 'email' | 'url' | 'textarea';
  autoComplete?: string;
  defaultValue: string;
  error?: string;
  autoFocus?: boolean;
};

export function fieldId(field: CommentFormField): string {
  return `comment-form-${field}`;
}

const controlClass = 'w-full border border-ink/40 bg-paper px-3 py-2 text-base text-ink aria-invalid:border-accent aria-invalid:border-2';

/** A labelled control with its error beside it (aria-invalid, aria-describedby). */
export function CommentFormFieldRow({
  field,
  label,
  required,
  type = 'text',
  autoComplete,
  defaultValue,
  error,
  autoFocus,
}: CommentFormFieldProps) {
  const id = fieldId(field);
  const errorId = `${id}-error`;
  const shared = {
    id,
    name: field,
    defaultValue,
    required,
    autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    className: controlClass,
  } as const;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {type === 'textarea' ? (
        <textarea {...shared} rows={8} dir="auto" />
      ) : (
        <input {...shared} type={type} autoComplete={autoComplete} dir={type === 'text' ? 'auto' : 'ltr'} />
      )}
      {error ? (
        <p id={errorId} className="text-sm font-semibold text-accent">
          {error}
        </p>
      ) : null}
    </div>
  );
}
