// Every keyboard shortcut of the app, in one list (issue 4: "a `?` sheet lists every shortcut"). Whoever adds a
// shortcut adds a line here; the sheet (keyboard-shortcuts-sheet.tsx) shows them grouped by `where`. The keys
// themselves are bound where they act (useHotkeys in the feature), which ignores them while typing in a field.

export interface KeyboardShortcut {
  /** Keys pressed together, as shown: `['Ctrl', 'Enter']`; alternatives go in separate entries. */
  keys: readonly string[];
  description: string;
  /** Where it works. */
  where: 'Everywhere' | 'Ticket lists' | 'Ticket' | 'Forms and dialogs';
}

export const keyboardShortcuts: readonly KeyboardShortcut[] = [
  { keys: ['/'], description: 'Go to a ticket by number', where: 'Everywhere' },
  { keys: ['?'], description: 'Show these keyboard shortcuts', where: 'Everywhere' },
  { keys: ['j'], description: 'Next ticket (or ↓ in the table)', where: 'Ticket lists' },
  { keys: ['k'], description: 'Previous ticket (or ↑ in the table)', where: 'Ticket lists' },
  { keys: ['Enter'], description: 'Open the ticket', where: 'Ticket lists' },
  { keys: ['Space'], description: 'Select or clear the ticket (also x)', where: 'Ticket lists' },
  { keys: ['Home'], description: 'First ticket (End: the last)', where: 'Ticket lists' },
  { keys: ['e'], description: 'Edit the ticket', where: 'Ticket' },
  { keys: ['n'], description: 'Add a note', where: 'Ticket' },
  { keys: ['s'], description: 'Change the status', where: 'Ticket' },
  { keys: ['Ctrl', 'Enter'], description: 'Save or send (⌘ + Enter on a Mac)', where: 'Forms and dialogs' },
  { keys: ['Esc'], description: 'Cancel and close', where: 'Forms and dialogs' },
];
