import classes from './notes.module.css';

interface NoteTextProps {
  text: string;
}

/**
 * A note's text exactly as typed: rendered as a text node (never parsed as HTML, so `<script>` stays
 * literal), line breaks kept (white-space: pre-wrap), very long words wrapped (overflow-wrap: anywhere), and
 * the direction taken from the text itself (dir="auto") so right-to-left notes read correctly.
 */
export function NoteText({ text }: NoteTextProps) {
  return (
    <div className={classes.text} dir="auto" data-testid="note-text" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </div>
  );
}
