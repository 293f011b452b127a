import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldMap } from '../api/field-map.ts';
import { parseTemplateData, templateRowsToTicketValues } from './template-data.ts';

// The Template Data value of the doc page's GET /tickets/Templates example, exactly as printed: BMC cut it
// short with "……..", so as printed it is not well-formed.
const docPageSample =
  '<TemplateData>\r\n <RowData>\r\n <sequence>81</sequence>\r\n <datatype>nvarchar</datatype>\r\n <fkcolumn>80</fkcolumn>\r\n <fkvalue>1</fkvalue>\r\n <fieldname>Status</fieldname>\r\n <value>Open</value>\r\n </RowData>\r\n <RowData>\r\n <sequence>114</sequence>\r\n <datatype>nvarchar</datatype>\r\n <fkcolumn>113</fkcolumn>\r\n <fkvalue>3</fkvalue>\r\n <fieldname>Priority</fieldname>\r\n <value>3 - Medium</value>\r\n ……..</TemplateData>';

// The same sample with its second row closed, as a real server sends it.
const completedSample = docPageSample.replace(' ……..</TemplateData>', '</RowData>\r\n</TemplateData>');

describe('parseTemplateData', () => {
  it('reads field names and values from the doc page sample, never the <sequence>', () => {
    expect(parseTemplateData(completedSample)).toEqual({
      ok: true,
      rows: [
        { fieldName: 'Status', value: 'Open' },
        { fieldName: 'Priority', value: '3 - Medium' },
      ],
    });
  });

  it('reports the doc page sample as printed (cut short) as malformed, with a readable message', () => {
    const result = parseTemplateData(docPageSample);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/not valid XML \(line \d+, column \d+\)/);
  });

  it('reports malformed XML instead of throwing', () => {
    for (const xml of [
      '<TemplateData><RowData>',
      '<a></b>',
      'not xml at all <',
      '<TemplateData><RowData><fieldname>A</RowData></TemplateData>',
    ]) {
      const result = parseTemplateData(xml);
      expect(result.ok, xml).toBe(false);
    }
  });

  it('treats empty or missing data as a template that fills nothing', () => {
    expect(parseTemplateData('')).toEqual({ ok: true, rows: [] });
    expect(parseTemplateData('   \r\n')).toEqual({ ok: true, rows: [] });
    expect(parseTemplateData(null)).toEqual({ ok: true, rows: [] });
    expect(parseTemplateData('<TemplateData></TemplateData>')).toEqual({ ok: true, rows: [] });
  });

  it('refuses a DOCTYPE with entities (XXE, billion laughs) without expanding anything', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      '<TemplateData><RowData><fieldname>Status</fieldname><value>&xxe;</value></RowData></TemplateData>';
    const laughs =
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      '<TemplateData><RowData><fieldname>Status</fieldname><value>&lol2;</value></RowData></TemplateData>';
    for (const xml of [xxe, laughs, xxe.replace('DOCTYPE', 'doctype')]) {
      const result = parseTemplateData(xml);
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/DOCTYPE/) });
    }
  });

  it('leaves undeclared entities as written and decodes only the XML ones, once', () => {
    const xml =
      '<TemplateData><RowData><fieldname>Category</fieldname><value>R&amp;D &lt;b&gt; &#65;&#x42; &amp;lt; &foo;</value></RowData></TemplateData>';
    expect(parseTemplateData(xml)).toEqual({
      ok: true,
      rows: [{ fieldName: 'Category', value: 'R&D <b> AB &lt; &foo;' }],
    });
  });

  it('accepts tag names in any case, an XML declaration, and empty values; skips rows without a field name', () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?><TemplateData><RowData><FieldName> Ticket Summary </FieldName><Value/></RowData>' +
      '<RowData><value>orphan</value></RowData></TemplateData>';
    expect(parseTemplateData(xml)).toEqual({ ok: true, rows: [{ fieldName: 'Ticket Summary', value: '' }] });
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `<TemplateData><RowData>${s}</RowData></TemplateData>`),
        ),
        (xml) => {
          const result = parseTemplateData(xml);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('templateRowsToTicketValues', () => {
  it('maps field names to ticket seqs, ignoring case and spaces', () => {
    const { values, unmatched, readOnly } = templateRowsToTicketValues([
      { fieldName: 'status', value: 'Open' },
      { fieldName: ' PRIORITY ', value: '3 - Medium' },
      { fieldName: 'Ticket  Summary', value: 'New hire' },
    ]);
    expect([...values]).toEqual([
      [96, 'Open'],
      [107, '3 - Medium'],
      [22, 'New hire'],
    ]);
    expect(unmatched).toEqual([]);
    expect(readOnly).toEqual([]);
  });

  it('knows renamed fields by the names the server sent', () => {
    const names: FieldMap = new Map([[85, { displayName: 'Asset Tag', value: null }]]);
    const { values } = templateRowsToTicketValues(
      [{ fieldName: 'asset tag', value: 'AT-9' }],
      undefined,
      names,
    );
    expect([...values]).toEqual([[85, 'AT-9']]);
  });

  it('reports unknown and read-only fields instead of filling them; a later row wins', () => {
    const result = templateRowsToTicketValues([
      { fieldName: 'Favourite Colour', value: 'blue' },
      { fieldName: 'Ticket ID', value: '5' },
      { fieldName: 'Category', value: 'Hardware' },
      { fieldName: 'Category', value: 'Applications' },
    ]);
    expect([...result.values]).toEqual([[72, 'Applications']]);
    expect(result.unmatched).toEqual([{ fieldName: 'Favourite Colour', value: 'blue' }]);
    expect(result.readOnly).toEqual([{ fieldName: 'Ticket ID', value: '5' }]);
  });
});
