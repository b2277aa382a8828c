/** What an API key may do in its workspace: viewer reads; auditor also triages and corrects; owner does everything. */
export const KEY_ROLES = ['viewer', 'auditor', 'owner'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

/** True when `role` includes everything `needed` may do (roles are ordered viewer < auditor < owner). */
export function roleAllows(role: KeyRole, needed: KeyRole): boolean {
  return KEY_ROLES.indexOf(role) >= KEY_ROLES.indexOf(needed);
}
