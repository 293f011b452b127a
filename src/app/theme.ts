import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A calm blue-teal. Shade 7 is the light scheme's primary (white text on it: 5.7:1) and shade 8 the dark
// scheme's (6.8:1), so filled buttons and links pass WCAG 2.2 AA (4.5:1) in both schemes.
const desk: MantineColorsTuple = [
  '#e6f4fa',
  '#cde6f1',
  '#9dcde4',
  '#69b2d7',
  '#3f9bcb',
  '#2a8cc4',
  '#1b7fb6',
  '#0f6d9f',
  '#05618f',
  '#00537d',
];

export const appTheme = createTheme({
  primaryColor: 'desk',
  primaryShade: { light: 7, dark: 8 },
  colors: { desk },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  fontFamilyMonospace:
    'ui-monospace, "SFMono-Regular", "Cascadia Mono", "Segoe UI Mono", Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
});

// Mantine's default "dimmed" text (gray 6 on white, 3.3:1; dark 2 on dark 7, 4.0:1) and its error text (red 6 on
// white, 3.3:1) fail AA for text; these keep secondary and error text readable in both schemes.
export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': theme.colors.gray[7],
    '--mantine-color-error': theme.colors.red[9],
    '--mantine-color-placeholder': theme.colors.gray[6],
    '--app-input-border': theme.colors.gray[6],
    '--app-header-bg': theme.white,
    '--app-page-bg': theme.colors.gray[0],
  },
  dark: {
    '--mantine-color-dimmed': theme.colors.dark[1],
    '--mantine-color-error': theme.colors.red[5],
    '--mantine-color-placeholder': theme.colors.dark[2],
    '--app-input-border': theme.colors.dark[2],
    '--app-header-bg': theme.colors.dark[8],
    '--app-page-bg': theme.colors.dark[7],
  },
});
