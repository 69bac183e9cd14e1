import 'server-only';

import { headers } from 'next/headers';

import type { EditableField, FieldErrors } from '@/lib/comments';

export type EditFlash = {
  id: number;
  fieldErrors: FieldErrors<EditableField>;
  values: Partial<Record<EditableField, string>>;
};

// A refused edit is shown in the same response that answered the POST: the
// page renders right after the action, in the same request. The request's
// headers object is the key, so the entry lives exactly as long as the request
// and never reaches a cookie, an address or another moderator.
const flashes = new WeakMap<object, EditFlash>();

export async function setEditFlash(flash: EditFlash): Promise<void> {
  flashes.set(await headers(), flash);
}

export async function getEditFlash(id: number): Promise<EditFlash | null> {
  const flash = flashes.get(await headers());
  return flash?.id === id ? flash : null;
}
