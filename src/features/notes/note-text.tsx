import { Text } from '@mantine/core';

interface NoteTextProps {
  text: string;
}

/**
 * A note's text exactly as typed: rendered as a text node (never parsed as HTML, so `<script>` stays
 * literal), line breaks kept, very long words wrapped, and the direction taken from the text itself so
 * right-to-left notes read correctly.
 */
export function NoteText({ text }: NoteTextProps) {
  return (
    <Text
      component="div"
      size="sm"
      dir="auto"
      data-testid="note-text"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', wordBreak: 'normal' }}
    >
      {text}
    </Text>
  );
}
