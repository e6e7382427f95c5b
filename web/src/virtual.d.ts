declare module 'virtual:output-validators' {
  /** Per task output: its structural JSON Schema and the AJV functions compiled from it at build time. */
  export const outputValidators: Record<
    string,
    { schema: Record<string, unknown>; validateFns: Record<string, (data: unknown) => boolean> }
  >;
}
