// Styles of the components only this lazy screen uses (app/mantine-styles.ts lists the shared ones).
import '@mantine/core/styles/Pill.css';
import '@mantine/core/styles/PillsInput.css';
import '@mantine/dates/styles.css';
import { Button, Group, MultiSelect, Paper, SimpleGrid, Switch } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { DateFilterKey, DateRange, ListFilters, ValuesFilterKey } from './list-model.ts';
import { EMPTY_FILTERS, isEmptyFilters } from './list-model.ts';

// The filter panel: one multi-select per lookup (an OR inside it), a date range per date, and Overdue. Options
// come from config.json's vocabulary and the values seen in the index (the route passes them).

export interface FilterOption {
  value: string;
  label: string;
}

export type FilterOptions = Record<ValuesFilterKey, readonly FilterOption[]>;

const valueLabels: Record<ValuesFilterKey, string> = {
  statuses: 'Status',
  priorities: 'Priority',
  technicians: 'Technician',
  groups: 'Group',
  categories: 'Category',
  requestors: 'Requestor',
};

const dateLabels: Record<DateFilterKey, string> = {
  opened: 'Opened',
  due: 'Due',
  closed: 'Closed',
  modified: 'Last modified',
};

export interface ListFiltersPanelProps {
  filters: ListFilters;
  options: FilterOptions;
  onChange: (next: ListFilters) => void;
}

function withSelected(options: readonly FilterOption[], selected: readonly string[]): FilterOption[] {
  // A value from a shared link that this browser has not seen still shows (and can be removed).
  const known = new Set(options.map((o) => o.value));
  return [...options, ...selected.filter((v) => !known.has(v)).map((v) => ({ value: v, label: v }))];
}

export function ListFiltersPanel({ filters, options, onChange }: ListFiltersPanelProps) {
  const setValues = (key: ValuesFilterKey, values: string[]) => onChange({ ...filters, [key]: values });
  const setRange = (key: DateFilterKey, value: [string | null, string | null]) => {
    const range: DateRange | null =
      value[0] === null && value[1] === null ? null : { from: value[0], to: value[1] };
    onChange({ ...filters, [key]: range });
  };
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm" verticalSpacing="xs">
        {(Object.keys(valueLabels) as ValuesFilterKey[]).map((key) => (
          <MultiSelect
            key={key}
            size="xs"
            label={valueLabels[key]}
            placeholder={filters[key].length === 0 ? 'Any' : undefined}
            data={withSelected(options[key], filters[key])}
            value={[...filters[key]]}
            onChange={(values) => setValues(key, values)}
            searchable
            clearable
            limit={200}
            maxDropdownHeight={260}
            comboboxProps={{ withinPortal: true }}
          />
        ))}
        {(Object.keys(dateLabels) as DateFilterKey[]).map((key) => (
          <DatePickerInput
            key={key}
            size="xs"
            type="range"
            allowSingleDateInRange
            label={dateLabels[key]}
            valueFormat="D MMM YYYY"
            value={[filters[key]?.from ?? null, filters[key]?.to ?? null]}
            onChange={(value) => setRange(key, value)}
            clearable
          />
        ))}
      </SimpleGrid>
      <Group justify="space-between" mt="sm">
        <Switch
          label="Overdue only"
          checked={filters.overdue}
          onChange={(event) => onChange({ ...filters, overdue: event.currentTarget.checked })}
        />
        <Button
          size="xs"
          variant="subtle"
          disabled={isEmptyFilters({ ...filters, text: '' })}
          onClick={() => onChange({ ...EMPTY_FILTERS, text: filters.text })}
        >
          Clear filters
        </Button>
      </Group>
    </Paper>
  );
}
