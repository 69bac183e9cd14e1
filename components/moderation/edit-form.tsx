import type { EditableField, FieldErrors } from '@/lib/comments';

type EditFormProps = {
  action: (form: FormData) => Promise<void>;
  id: number;
  values: Record<EditableField, string>;
  fieldErrors: FieldErrors<EditableField>;
};

type FieldProps = {
  /** The form field's name, as in the reader's form. */
  field: EditableField;
  label: string;
  value: string;
  error?: string;
  type?: 'text' | 'email' | 'url';
  multiline?: boolean;
};

const inputClass = 'w-full border bg-paper px-3 text-ink aria-[invalid=true]:border-accent';

function Field({ field, label, value, error, type = 'text', multiline = false }: FieldProps) {
  const id = `edit-${field}`;
  const errorId = `${id}-error`;
  const shared = {
    id,
    name: field,
    defaultValue: value,
    dir: 'auto' as const,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  };
  return (
    <p className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {multiline ? (
        <textarea {...shared} rows={8} className={`${inputClass} border-rule py-2`} />
      ) : (
        <input {...shared} type={type} className={`${inputClass} min-h-11 border-rule`} />
      )}
      {error ? (
        <span id={errorId} className="text-sm font-semibold text-accent">
          {error}
        </span>
      ) : null}
    </p>
  );
}

/** The reader's four fields, checked by the same rules as the comment form. */
export function EditForm({ action, id, values, fieldErrors }: EditFormProps) {
  const invalid = Object.keys(fieldErrors).length > 0;
  return (
    // noValidate: the server applies the readers' rules and answers beside each field.
    <form action={action} aria-labelledby="edit-heading" className="flex flex-col gap-4" noValidate>
      <h2 id="edit-heading" className="font-serif text-2xl font-bold">
        Edit comment #{id}
      </h2>
      {invalid ? (
        <p role="alert" className="border-l-4 border-accent bg-surface px-4 py-3">
          Nothing was saved. Please correct the fields marked below.
        </p>
      ) : null}
      <input type="hidden" name="id" value={id} />
      <Field field="name" label="Name" value={values.name} error={fieldErrors.name} />
      <Field field="email" label="Email" value={values.email} error={fieldErrors.email} type="email" />
      <Field field="website" label="Website" value={values.website} error={fieldErrors.website} type="url" />
      <Field field="comment" label="Comment" value={values.comment} error={fieldErrors.comment} multiline />
      <p>
        <button type="submit" className="min-h-11 bg-ink px-5 font-semibold text-paper hover:bg-accent">
          Save changes
        </button>
      </p>
    </form>
  );
}
