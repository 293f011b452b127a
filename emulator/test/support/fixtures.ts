// Request bodies from BMC's doc page (ticket-web-apis.txt), as raw text. Where the page is not valid JSON the
// corrected form is given beside the verbatim one (protocol-notes §5 #4, #11).
import { expect } from 'vitest';
import type { Client } from './client.ts';
import { ticketOf, numberValue, T } from './records.ts';

/** POST /tickets/{id} example, with the doc's `updateInput:` label removed (§5 #11). */
export const docUpdateBody = `{
"Properties": {
"Category" :"Applications",
"Additional Information" : "Additional Information field is updated. "
},
"OptionalParams": {
"Param1": {},
"Param2": {}
}
}`;

/** POST /tickets/{id} example exactly as printed: the Swagger parameter name before the object is not JSON. */
export const docUpdateBodyAsPrinted = `updateInput:\n${docUpdateBody}`;

/** POST /tickets/{id}/AddNote example (valid JSON as printed). */
export const docAddNoteBody = `{
"Note Type": "Ticket Description",
"Activity Code": "Install",
"Note": "This is a ticket Note added by API",
"Duration": "00:10:00",
"OptionalParams": {
"Param1": {},
"Param2": {}
}
}`;

/** POST /tickets/{id}/ChangeStatus example (valid JSON as printed). */
export const docChangeStatusBody = `{
  "StatusName": "Escalated",
  "Note": {
    "Note Type": "Ticket Description",
    "Activity Code": "Install",
    "Note": " This is a Ticket Note added by API to change Status."
  }
}`;

/** POST /tickets/{id}/Close example, with the doc's `closeInput:` label removed (§5 #11). */
export const docCloseBody = `{
 "Note": {
 "Note Type": "Ticket Description",
 "Activity Code": "Install",
 "Note": " This is a Ticket Note added by API to close the Ticket.",
 "OptionalParams": {
 "Param1": {},
 "Param2": {}
 }
 }
}`;

export const docCloseBodyAsPrinted = `closeInput:\n${docCloseBody}`;

/** POST /tickets example (valid JSON as printed; the trailing comma is in the doc's response, not here). */
export const docCreateBody = `{
"Properties": {
"Category":"Applications",
"Additional Information": "Additional Information field is updated. "},
"OptionalParams": {
"Param1": {},
"Param2": {}
}
}`;

/** The doc's header form `Bearer access_token:"..."` (§5 #10); never what a client should send. */
export function docHeaderForm(token: string): string {
  return `Bearer access_token:"${token}"`;
}

export function raw(text: string, contentType: string | null = 'application/json') {
  return { raw: text, contentType };
}

/** A valid user note for AddNote. */
export function userNote(text: string, duration = '00:00:00', isPrivate = false) {
  return {
    'Note Type': 'Ticket Description',
    'Activity Code': 'Install',
    Note: text,
    Duration: duration,
    Private: isPrivate,
  };
}

/** Creates a ticket for a test to change freely; returns its id. */
export async function scratchTicket(
  client: Client,
  summary = 'Contract test scratch ticket',
): Promise<number> {
  const reply = await client.post('/tickets', { Properties: { 'Ticket Summary': summary } });
  const id = numberValue(ticketOf(reply), T.id);
  expect(id, 'created ticket has a Ticket ID').toBeTypeOf('number');
  return id!;
}
