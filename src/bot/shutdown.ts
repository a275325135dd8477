/** Clean shutdown on SIGINT (Ctrl-C) and SIGTERM (service managers, containers). */
export interface SignalTarget {
  once(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  exit(code: number): void;
}

/** On the first SIGINT or SIGTERM: run `stop` once, then exit 0 (or 1 if stopping failed). */
export function stopOnSignals(stop: () => Promise<void>, target: SignalTarget = process): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => target.exit(0),
      () => target.exit(1),
    );
  };
  target.once("SIGINT", onSignal);
  target.once("SIGTERM", onSignal);
}
