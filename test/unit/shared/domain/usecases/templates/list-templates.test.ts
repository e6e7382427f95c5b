import { describe, expect, it } from 'vitest';
import { listTemplates } from '#shared/domain/usecases/templates/list-templates.ts';
import { unitPorts } from '../../../../../support/unit-ports.ts';

describe('listTemplates', () => {
  it('lists every template a cycle may be started of, titled in the language asked for', async () => {
    const { ports } = unitPorts();
    expect(await listTemplates(ports, 'bg')).toEqual({
      items: [
        { id: 'romact', version: 2, title: 'Процес ROMACT' },
        { id: 'romact-core', version: 1, title: 'Основен цикъл ROMACT' },
        { id: 'small-grant', version: 1, title: 'Малък грант' },
        { id: 'critical-friend', version: 1, title: 'Преглед „критичен приятел“' },
      ],
    });
    expect((await listTemplates(ports, 'sk')).items.map((item) => item.title)).toEqual([
      'Proces ROMACT',
      'Základný cyklus ROMACT',
      'Malý grant',
      'Hodnotenie „kritický priateľ“',
    ]);
  });
});
