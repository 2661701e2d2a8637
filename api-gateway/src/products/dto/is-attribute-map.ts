import { registerDecorator, ValidationOptions } from 'class-validator';

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** Returns a problem description, or undefined when value is a flat map string -> string|number. */
export function attributeMapProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'must be an object';
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 50) return 'must have at most 50 keys';
  for (const [k, v] of entries) {
    if (!KEY.test(k)) return `key "${k.slice(0, 70)}" must match [A-Za-z0-9_-]{1,64}`;
    if (typeof v === 'string') {
      if (v.length > 255) return `value of "${k}" must be at most 255 characters`;
    } else if (typeof v !== 'number' || !Number.isFinite(v)) {
      return `value of "${k}" must be a string or a finite number`;
    }
  }
  return undefined;
}

export function IsAttributeMap(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isAttributeMap',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => attributeMapProblem(value) === undefined,
        defaultMessage: (args) => `${args?.property} ${attributeMapProblem(args?.value) ?? 'is invalid'}`,
      },
    });
}
