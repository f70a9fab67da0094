export interface FormFieldSpec {
  name: string;
  type: 'string' | 'integer' | 'date' | 'boolean' | 'enum';
  required: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  values?: string[];
}

/**
 * Checks an application form against the service's form definition;
 * returns one message per problem (empty when the form is valid). Fields the
 * definition does not know are refused, so nothing unexpected travels.
 */
export function validateForm(fields: readonly FormFieldSpec[], form: unknown): string[] {
  if (typeof form !== 'object' || form === null || Array.isArray(form)) return ['form: must be a JSON object'];
  const values = form as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of Object.keys(values)) if (!fields.some((f) => f.name === name)) problems.push(`${name}: is not a field of this form`);
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === null || value === '') {
      if (field.required) problems.push(`${field.name}: is required`);
      continue;
    }
    switch (field.type) {
      case 'string':
        if (typeof value !== 'string') problems.push(`${field.name}: must be text`);
        else if (field.maxLength !== undefined && value.length > field.maxLength)
          problems.push(`${field.name}: at most ${field.maxLength} characters`);
        break;
      case 'integer':
        if (!Number.isInteger(value)) problems.push(`${field.name}: must be a whole number`);
        else if ((field.min !== undefined && (value as number) < field.min) || (field.max !== undefined && (value as number) > field.max)) {
          problems.push(`${field.name}: must be between ${field.min ?? '-∞'} and ${field.max ?? '∞'}`);
        }
        break;
      case 'date':
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
          problems.push(`${field.name}: must be a date YYYY-MM-DD`);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') problems.push(`${field.name}: must be true or false`);
        break;
      case 'enum':
        if (typeof value !== 'string' || !(field.values ?? []).includes(value))
          problems.push(`${field.name}: must be one of ${(field.values ?? []).join(', ')}`);
        break;
    }
  }
  return problems;
}
