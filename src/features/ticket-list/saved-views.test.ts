import { beforeEach, describe, expect, it } from 'vitest';
import { deleteSavedView, readSavedViews, saveView, savedViewsKey } from './saved-views.ts';

describe('saved views', () => {
  beforeEach(() => window.localStorage.clear());
  const storage = () => window.localStorage;

  it('saves views by name per technician and reads them back in order', () => {
    saveView(storage(), 'HELP DESK\\TECH1', { name: '  Printers  ', search: 'view=open&q=printer' });
    saveView(storage(), 'HELP DESK\\TECH1', { name: 'Critical', search: 'view=open&priority=1+-+Critical' });
    saveView(storage(), 'FIELD SERVICES\\FIELD1', { name: 'Mine', search: 'view=mine' });
    expect(readSavedViews(storage(), 'HELP DESK\\TECH1')).toEqual([
      { name: 'Printers', search: 'view=open&q=printer' },
      { name: 'Critical', search: 'view=open&priority=1+-+Critical' },
    ]);
    expect(readSavedViews(storage(), 'FIELD SERVICES\\FIELD1')).toHaveLength(1);
  });

  it('replaces a view saved again under the same name, whatever its case', () => {
    saveView(storage(), 'o', { name: 'Printers', search: 'a' });
    saveView(storage(), 'o', { name: 'printers', search: 'b' });
    expect(readSavedViews(storage(), 'o')).toEqual([{ name: 'printers', search: 'b' }]);
  });

  it('ignores a blank name and deletes by name', () => {
    saveView(storage(), 'o', { name: '   ', search: 'a' });
    saveView(storage(), 'o', { name: 'Keep', search: 'k' });
    saveView(storage(), 'o', { name: 'Drop', search: 'd' });
    deleteSavedView(storage(), 'o', 'Drop');
    expect(readSavedViews(storage(), 'o')).toEqual([{ name: 'Keep', search: 'k' }]);
  });

  it('reads damaged storage as no views', () => {
    storage().setItem(savedViewsKey('o'), '{not json');
    expect(readSavedViews(storage(), 'o')).toEqual([]);
    storage().setItem(
      savedViewsKey('o'),
      JSON.stringify([{ name: 1 }, { name: 'ok', search: 'view=all' }, null]),
    );
    expect(readSavedViews(storage(), 'o')).toEqual([{ name: 'ok', search: 'view=all' }]);
    expect(readSavedViews(null, 'o')).toEqual([]);
  });
});
