import type { FieldDefinition } from './field-kinds.ts';

// Ticket template records (GET /tickets/Templates; doc page example plus seq 2 from interfaces.md). Template
// Data (6) is XML: parse it with template-data.ts, never render it raw.

export type TemplateSection = 'main' | 'system';

export const TemplateSeq = {
  sequence: 1,
  lastModified: 2,
  name: 3,
  description: 4,
  templateData: 6,
  isUsedInSelfService: 10,
} as const;

export type TemplateSeqValue = (typeof TemplateSeq)[keyof typeof TemplateSeq];

export const templateCatalog = {
  1: { key: 'sequence', name: 'Sequence', kind: 'integer', section: 'system', editable: false },
  2: { key: 'lastModified', name: 'Last Modified', kind: 'date-time', section: 'system', editable: false },
  3: { key: 'name', name: 'Name', kind: 'text', section: 'main', editable: false },
  4: { key: 'description', name: 'Description', kind: 'long-text', section: 'main', editable: false },
  6: { key: 'templateData', name: 'Template Data', kind: 'long-text', section: 'system', editable: false },
  10: {
    key: 'isUsedInSelfService',
    name: 'Is Used in Self Service',
    kind: 'boolean',
    section: 'main',
    editable: false,
  },
} as const satisfies { readonly [S in TemplateSeqValue]: FieldDefinition<TemplateSection> };
