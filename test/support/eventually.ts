/** Polls until `check` returns a value: the local engine runs steps asynchronously. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false | null>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
