/** The page's end of a runtime.Port, typed by what it sends and what comes back. */
export interface PagePort<Request, Reply> {
  postMessage(message: Request): void;
  onMessage: { addListener(listener: (message: Reply) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}
