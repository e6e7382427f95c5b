import { outputValidators } from 'virtual:output-validators';
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { createPrecompiledValidator } from '@rjsf/validator-ajv8';
import { sameJson, withoutAnnotations } from './schema-structure.ts';

/**
 * The form's validator: AJV code compiled at build time from the same zod schemas the server validates with
 * (no `new Function`, which the CSP forbids). Schemas are compared without their localized titles and
 * descriptions. If the served schema is not one the build knows (a newer server), the form checks nothing
 * itself and the server's field errors are shown instead.
 */
export function validatorFor(outputName: string, served: RJSFSchema): ValidatorType {
  const compiled = outputValidators[outputName];
  if (!compiled || !sameJson(withoutAnnotations(served), compiled.schema)) return serverOnly;
  const inner = createPrecompiledValidator(compiled.validateFns as never, compiled.schema as RJSFSchema);
  const strip = (schema: RJSFSchema) => withoutAnnotations(schema) as RJSFSchema;
  return {
    validateFormData: (formData, schema, customValidate, transformErrors, uiSchema) =>
      inner.validateFormData(formData, strip(schema), customValidate, transformErrors, uiSchema),
    isValid: (schema, formData, rootSchema) => {
      try {
        return inner.isValid(strip(schema), formData, strip(rootSchema));
      } catch {
        return false;
      }
    },
    rawValidation: (schema, formData) => inner.rawValidation(strip(schema), formData),
  };
}

const serverOnly: ValidatorType = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  isValid: () => true,
  rawValidation: () => ({}),
};
