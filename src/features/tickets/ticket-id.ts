// Ticket ids are positive int32s on the wire (protocol-notes §2.1: "All ids ... are int32 path segments").
// Anything else in the URL is answered locally, without a request: the server would only say 400 "The request
// is invalid." (protocol-notes §3), which tells the technician less than we can.

const INT32_MAX = 2_147_483_647;

export function parseTicketId(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 && id <= INT32_MAX ? id : null;
}
