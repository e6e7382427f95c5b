import { parseTemplate } from '#shared/domain/model/template.ts';
import { romactTemplate } from './romact.ts';

/**
 * The short ROMACT cycle (assessment, consultation, joint approval, funding, review) for programmes already
 * running it: the five phases of `romact` version 1, under their own id now that `romact` is the whole process.
 */
export const romactCoreTemplate = parseTemplate({
  ...romactTemplate,
  id: 'romact-core',
  version: 1,
  title: {
    en: 'ROMACT core cycle',
    bg: 'Основен цикъл ROMACT',
    hu: 'ROMACT alapciklus',
    it: 'Ciclo essenziale ROMACT',
    ro: 'Ciclul de bază ROMACT',
    sk: 'Základný cyklus ROMACT',
  },
});
