// autocannon ships no types; only what scripts/bench/pages-load.ts uses.
declare module "autocannon" {
  type Options = { url: string; connections: number; duration: number; timeout?: number; headers?: Record<string, string> };
  type Result = { requests: { average: number }; timeouts: number };
  type Instance = Promise<Result> & {
    on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  };
  export default function autocannon(options: Options): Instance;
}
