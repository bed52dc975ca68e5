declare module 'autocannon' {
  const autocannon: (
    options: Record<string, unknown>,
  ) => PromiseLike<unknown> & { on(event: string, fn: (...args: any[]) => void): void };
  export default autocannon;
}
