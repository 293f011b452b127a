import { Anchor, Text } from '@mantine/core';
import type { FieldMap } from '../../api/field-map.ts';
import { fieldNumber, fieldText, fieldValue } from '../../api/field-map.ts';
import { AttachmentSeq } from '../../fields/attachment-fields.ts';
import { formatDateTime, formatFileSize, parseWireDate, safeLinkHref } from '../../fields/codecs.ts';
import classes from './attachments.module.css';

export interface AttachmentsListProps {
  attachments: readonly FieldMap[];
}

interface AttachmentView {
  id: number | null;
  name: string | null;
  sizeBytes: number | null;
  url: string | null;
  /** The URL as a link target, only for http(s): anything else (javascript:, file:, mailto:) stays text. */
  href: string | null;
  addedBy: string | null;
  addedAt: Date | null;
}

function webHref(url: string | null): string | null {
  const href = safeLinkHref(url);
  if (href === null) return null;
  return href.startsWith('http://') || href.startsWith('https://') ? href : null;
}

function toAttachmentView(map: FieldMap): AttachmentView {
  const url = fieldText(map, AttachmentSeq.urlLink);
  return {
    id: fieldNumber(map, AttachmentSeq.sequence),
    name: fieldText(map, AttachmentSeq.fileName),
    sizeBytes: fieldNumber(map, AttachmentSeq.fileSize),
    url: url !== null && url.trim() !== '' ? url : null,
    href: webHref(url),
    addedBy: fieldText(map, AttachmentSeq.lastUser),
    addedAt: parseWireDate(fieldValue(map, AttachmentSeq.lastModified)),
  };
}

function FileIcon() {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
      <path d="M14 3v5h5" />
    </svg>
  );
}

function LinkIcon() {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </svg>
  );
}

/**
 * A ticket's attachments: files (name and size; the WebApi offers no download, protocol-notes §2.2) and URL
 * links, which open in a new tab without giving the page a handle on this one.
 */
export function AttachmentsList({ attachments }: AttachmentsListProps) {
  if (attachments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        This ticket has no attachments.
      </Text>
    );
  }
  const views = attachments.map(toAttachmentView);
  return (
    <ul className={classes.list} aria-label="Attachments">
      {views.map((attachment, index) => {
        const isLink = attachment.url !== null && attachment.sizeBytes === null;
        const title = attachment.name ?? attachment.url ?? 'Unnamed attachment';
        return (
          <li key={attachment.id ?? `index-${index}`} className={classes.item} data-testid="attachment">
            <span className={classes.icon}>{isLink ? <LinkIcon /> : <FileIcon />}</span>
            <div className={classes.body}>
              {isLink && attachment.href ? (
                <Anchor
                  href={attachment.href}
                  target="_blank"
                  rel="noopener noreferrer"
                  size="sm"
                  fw={600}
                  className={classes.name}
                >
                  {title}
                  <span className={classes.hint}> (opens in a new tab)</span>
                </Anchor>
              ) : (
                <Text size="sm" fw={600} className={classes.name}>
                  {title}
                </Text>
              )}
              <Text size="xs" c="dimmed" className={classes.name}>
                {isLink ? (
                  <>
                    Link
                    {attachment.name && attachment.url && attachment.name !== attachment.url
                      ? ` · ${attachment.url}`
                      : ''}
                    {attachment.href === null ? ' · not a web address, shown as text' : ''}
                  </>
                ) : (
                  <>File{attachment.sizeBytes !== null ? ` · ${formatFileSize(attachment.sizeBytes)}` : ''}</>
                )}
                {attachment.addedBy ? ` · added by ${attachment.addedBy}` : ''}
                {attachment.addedAt ? ` · ${formatDateTime(attachment.addedAt)}` : ''}
              </Text>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
