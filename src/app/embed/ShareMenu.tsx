/** Embed code, PNG export and data downloads for the full app (issue 5). Mounted by App. */
export function ShareMenu(): null {
  return null;
}
