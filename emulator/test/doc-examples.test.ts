// The doc page's examples, sent verbatim to the URLs it prints (WebAPI casing included) against ticket 101; the
// two bodies printed with a Swagger parameter label are sent in their corrected form, and as printed get a 400.
import { describe, expect } from 'vitest';
import { controlPlane } from './support/control.ts';
import {
  docAddNoteBody,
  docChangeStatusBody,
  docCloseBody,
  docCloseBodyAsPrinted,
  docCreateBody,
  docHeaderForm,
  docUpdateBody,
  docUpdateBodyAsPrinted,
  raw,
} from './support/fixtures.ts';
import {
  N,
  T,
  expectEnvelope,
  expectError,
  listOf,
  noteOf,
  numberValue,
  ok,
  expectRecord,
  stringValue,
  ticketOf,
  wireDatePattern,
} from './support/records.ts';
import { apiSnapshot } from './support/snapshot.ts';
import { emulatorTest, useTarget } from './support/suite.ts';
import { demoUsers, targetShapes } from './support/target.ts';

describe.each(targetShapes())('the doc page’s examples ($label)', ({ shape }) => {
  const suite = useTarget({ shape });

  emulatorTest('GET /WebApi/tickets/101 returns ticket 101', async () => {
    const client = await suite.client();
    const reply = await client.get('//TrackIt/WebApi/tickets/101');
    expectEnvelope(suite.target, 'ticket', reply);
    expect(numberValue(ticketOf(reply), T.id)).toBe(101);
  });

  emulatorTest(
    'POST /WebAPI/WebApi/tickets/101 (the update example’s URL) is not a route (§5 #8)',
    async () => {
      const client = await suite.client();
      expectError(
        await client.post('//TrackIt/WebAPI/WebApi/tickets/101', raw(docUpdateBody)),
        404,
        /No HTTP resource/,
      );
    },
  );

  emulatorTest(
    'the update example sets Category Applications and Additional Information on 101',
    async () => {
      await controlPlane.reset(suite.target);
      suite.forgetTokens();
      const client = await suite.client();
      const reply = await client.post('//TrackIt/WebApi/tickets/101', raw(docUpdateBody));
      expectEnvelope(suite.target, 'ticket', reply);
      const ticket = ticketOf(reply);
      expect(stringValue(ticket, T.category)).toBe('Applications');
      expect(stringValue(ticket, T.additionalInformation)).toBe('Additional Information field is updated. ');
      expect(stringValue(ticket, T.lastUser)).toBe('TECH1');
      expect(numberValue(ticket, T.seqCategory)).toBeTypeOf('number');
    },
  );

  emulatorTest(
    'the update example as printed, with "updateInput:" before it, gets a 400 and changes nothing (§5 #11)',
    async () => {
      const client = await suite.client();
      const admin = await suite.client(demoUsers.admin);
      const before = await apiSnapshot(admin, [101]);
      expectError(await client.post('//TrackIt/WebApi/tickets/101', raw(docUpdateBodyAsPrinted)), 400);
      expect(await apiSnapshot(admin, [101])).toEqual(before);
    },
  );

  emulatorTest('the AddNote example adds a Ticket Description note of 600 s to 101', async () => {
    const client = await suite.client();
    const reply = await client.post('//TrackIt/WebAPI/tickets/101/AddNote', raw(docAddNoteBody));
    expectEnvelope(suite.target, 'note-write', reply);
    const note = noteOf(reply);
    expect(stringValue(note, N.note)).toBe('This is a ticket Note added by API');
    expect(numberValue(note, N.duration)).toBe(600);
    expect(numberValue(note, N.ticketId)).toBe(101);
    expect(stringValue(note, N.lastUser)).toBe('TECH1');
    expect(stringValue(note, N.noteType)).toBe('Ticket Description');
  });

  emulatorTest('the ChangeStatus example sets 101 to Escalated with its note', async () => {
    const client = await suite.client();
    const reply = await client.post('//TrackIt/WebAPI/tickets/101/ChangeStatus', raw(docChangeStatusBody));
    expectEnvelope(suite.target, 'note-write', reply);
    expect(stringValue(ticketOf(reply), T.status)).toBe('Escalated');
    expect(stringValue(noteOf(reply), N.note)?.trim()).toBe(
      'This is a Ticket Note added by API to change Status.',
    );
  });

  emulatorTest(
    'the Close example as printed, with "closeInput:" before it, gets a 400 and changes nothing (§5 #11)',
    async () => {
      const client = await suite.client();
      const admin = await suite.client(demoUsers.admin);
      const before = await apiSnapshot(admin, [101]);
      expectError(await client.post('//TrackIt/WebAPI/tickets/101/Close', raw(docCloseBodyAsPrinted)), 400);
      expect(await apiSnapshot(admin, [101])).toEqual(before);
    },
  );

  emulatorTest(
    'the Close example closes 101 with status Closed, a close date and the note as seq 5 "Note" (§5 #3)',
    async () => {
      const client = await suite.client();
      const reply = await client.post('//TrackIt/WebAPI/tickets/101/Close', raw(docCloseBody));
      expectEnvelope(suite.target, 'close', reply);
      const ticket = ticketOf(reply);
      expect(stringValue(ticket, T.status)).toBe('Closed');
      expect(stringValue(ticket, T.closeDate)).toMatch(wireDatePattern);
      const note = noteOf(reply);
      expect(note['5']?.DisplayName).toBe('Note');
      expect(stringValue(note, N.note)?.trim()).toBe(
        'This is a Ticket Note added by API to close the Ticket.',
      );
    },
  );

  emulatorTest('the Create example creates a ticket in Applications', async () => {
    const client = await suite.client();
    const reply = await client.post('//TrackIt/WebAPI/tickets', raw(docCreateBody));
    expectEnvelope(suite.target, 'ticket', reply);
    const ticket = ticketOf(reply);
    expect(stringValue(ticket, T.category)).toBe('Applications');
    expect(stringValue(ticket, T.additionalInformation)).toBe('Additional Information field is updated. ');
    expect(numberValue(ticket, T.id)).toBeGreaterThan(101);
  });

  emulatorTest('the list and template examples answer at their printed URLs', async () => {
    const client = await suite.client();
    expect(
      listOf(await client.get('//TrackIt/WebApi/tickets/101/Attachments/0/0'), 'TicketAttachments').count,
    ).toBeGreaterThan(0);
    expect(
      listOf(await client.get('//TrackIt/WebApi/tickets/101/Assignments/0/0'), 'Assignments').count,
    ).toBeGreaterThan(0);
    const note = ok(await client.get('//TrackIt/WebApi/tickets/Note/1001'));
    expect(numberValue(expectRecord((note.Note as unknown[])[0]), N.sequence)).toBe(1001);
    const templates = ok(await client.get('//TrackIt/WebApi/tickets/Templates'));
    expect(Array.isArray(templates.TicketTemplates)).toBe(true);
    const notes = listOf(
      await client.get('//TrackIt/WebApi/tickets/101/Notes/0/0', {
        query: { maxContentLength: -1, SystemNote: true },
      }),
      'TicketNotes',
    );
    expect(notes.count).toBe(notes.items.length);
  });

  emulatorTest('the doc’s header form Bearer access_token:"…" is refused with 401 (§5 #10)', async () => {
    const token = await suite.target.signIn();
    const reply = await suite
      .anonymous()
      .get('/tickets/101', { headers: { Authorization: docHeaderForm(token) } });
    expectError(reply, 401, /^Authorization has been denied for this request\.$/);
  });

  emulatorTest(
    'the Delete example deletes 101 and answers {"success": true}; 101 is then a 404',
    async () => {
      const client = await suite.client();
      expect(ok(await client.post('//TrackIt/WebAPI/tickets/101/Delete'))).toEqual({ success: true });
      expectError(await client.get('/tickets/101'), 404, /101/);
      await controlPlane.reset(suite.target);
      suite.forgetTokens();
    },
  );
});
