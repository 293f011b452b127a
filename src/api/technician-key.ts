// A module of its own, without the session's dependencies: the features that key their data by technician import
// only this, so the session and the wire parsers stay in the start-up chunk (issue 3 budget).

/** `GROUP\LOGIN`, as Track-It! names a technician: the key of what the app keeps per technician. */
export function technicianKey(technician: { group: string; login: string }): string {
  return `${technician.group}\\${technician.login}`;
}
