import { MessageDeferredError } from '@ots/messaging';
import { RegisterError } from '@ots/registers';

/**
 * Runs a register read a partner's message needs. When the registers cannot answer (down, out of contract, refusing
 * this node's credentials), the message is refused as MESSAGE_DEFERRED with the register's code as `reason`: the
 * partner's outbox sends it again with backoff, so nothing is lost, and both admins see why.
 */
export async function deferOnRegisterFailure<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (!(err instanceof RegisterError) || !err.transient) throw err;
    throw new MessageDeferredError(
      `the registers cannot answer now: ${err.message}`,
      { reason: err.code },
      {
        cause: err,
        extensions: { reason: err.code },
      },
    );
  }
}
