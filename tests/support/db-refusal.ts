/** The database's reason for refusing a write (drizzle wraps it in `cause`); fails the test if the write went through. */
export async function dbRefusal(write: PromiseLike<unknown>): Promise<string> {
  try {
    await write;
  } catch (err) {
    const messages: string[] = [];
    for (let e: unknown = err; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join(' | ');
  }
  throw new Error('expected the database to refuse this write, but it was accepted');
}
