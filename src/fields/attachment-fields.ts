import type { FieldDefinition } from './field-kinds.ts';

// Ticket attachment records (GET /tickets/{id}/Attachments/...). The doc page has no table, only an example
// (1 Sequence, 6 File Size, 7 File Name, 14 URL Link); 2 and 3 are the agreed emulator fields (interfaces.md).
// A URL attachment has 14 and no 6 (protocol-notes §2.4). Attachments are read-only through the WebApi.

export type AttachmentSection = 'main' | 'system';

export const AttachmentSeq = {
  sequence: 1,
  lastModified: 2,
  lastUser: 3,
  fileSize: 6,
  fileName: 7,
  urlLink: 14,
} as const;

export type AttachmentSeqValue = (typeof AttachmentSeq)[keyof typeof AttachmentSeq];

export const attachmentCatalog = {
  1: { key: 'sequence', name: 'Sequence', kind: 'integer', section: 'system', editable: false },
  2: { key: 'lastModified', name: 'Last Modified', kind: 'date-time', section: 'system', editable: false },
  3: { key: 'lastUser', name: 'Last User', kind: 'text', section: 'system', editable: false },
  // Bytes; show it with formatFileSize from codecs.ts.
  6: { key: 'fileSize', name: 'File Size', kind: 'integer', section: 'main', editable: false },
  7: { key: 'fileName', name: 'File Name', kind: 'text', section: 'main', editable: false },
  // The doc's example value is "www.sangreti.com" (no scheme): url display adds http:// for host-like values.
  14: { key: 'urlLink', name: 'URL Link', kind: 'url', section: 'main', editable: false },
} as const satisfies { readonly [S in AttachmentSeqValue]: FieldDefinition<AttachmentSection> };
