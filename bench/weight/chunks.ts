import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

// Which JavaScript a page loads is the framework's and which is the project's.
//
// Turbopack does not keep the two apart by chunk: the layout's chunk holds
// Next's client router components and the back-to-top control side by side,
// so sorting whole chunks would be wrong either way. It is sorted by module
// instead. A production chunk is `TURBOPACK.push([script, id, factory, id,
// factory, …])`; evaluating it in an empty VM context only runs `push`, which
// hands over each module factory, whose source is its code. The client
// reference manifests under .next/server/app name the module id of every
// client component, keyed by file (`[project]/components/back-to-top.tsx`).
// The project's own code is the modules of its client components (files
// outside node_modules) and every module they reach through the Turbopack
// `require` helpers (`e.i(42)`, `e.r(42)`) that is neither defined in the
// chunks every page loads (build-manifest.json rootMainFiles: React, the
// router) nor a client module of a package. Everything else is framework.
//
// Sizes are gzip level 9 of what is sent. The project's share is the gzip of
// its modules' source on its own; the framework's is the rest of the page's
// total, so the two add up to the total.

export const GZIP_LEVEL = 9;

export function gzipSize(body: Buffer | string): number {
  return zlib.gzipSync(body, { level: GZIP_LEVEL }).length;
}

export type BuildInfo = {
  /** URL paths (`/_next/static/chunks/…`) of the chunks every page loads. */
  sharedChunks: Set<string>;
  /** Module ids of the project's client components, with their files. */
  ownClientModules: Map<string, string>;
  /** Module ids of client components from packages (next/link, …). */
  packageClientModules: Set<string>;
};

const REFERENCE = /\b[A-Za-z_$][\w$]*\.[A-Za-z]{1,2}\((\d+)\)/g;

function manifestFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const absolute = path.join(directory, entry.name);
    if (entry.isDirectory()) return manifestFiles(absolute);
    return entry.name.endsWith('_client-reference-manifest.js') ? [absolute] : [];
  });
}

type ClientManifest = { clientModules?: Record<string, { id?: string | number }> };

export function readBuildInfo(nextDir: string): BuildInfo {
  const buildManifest = JSON.parse(fs.readFileSync(path.join(nextDir, 'build-manifest.json'), 'utf8')) as {
    rootMainFiles?: string[];
    polyfillFiles?: string[];
  };
  const sharedChunks = new Set(
    [...(buildManifest.rootMainFiles ?? []), ...(buildManifest.polyfillFiles ?? [])].map((file) => `/_next/${file}`),
  );
  const ownClientModules = new Map<string, string>();
  const packageClientModules = new Set<string>();
  for (const file of manifestFiles(path.join(nextDir, 'server', 'app'))) {
    const context: { __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
    vm.runInNewContext(fs.readFileSync(file, 'utf8'), context, { timeout: 5_000 });
    for (const manifest of Object.values(context.__RSC_MANIFEST ?? {})) {
      for (const [key, reference] of Object.entries(manifest.clientModules ?? {})) {
        if (reference.id === undefined) continue;
        const id = String(reference.id);
        const modulePath = key.replace(/^\[project\]\//, '').replace(/ <.*>$/, '');
        if (key.startsWith('[project]/') && !modulePath.startsWith('node_modules/')) ownClientModules.set(id, modulePath);
        else packageClientModules.add(id);
      }
    }
  }
  return { sharedChunks, ownClientModules, packageClientModules };
}

/** Module id → factory source of one chunk; empty for a chunk that is not a module list (the runtime). */
export function chunkModules(source: string): Map<string, string> {
  const modules = new Map<string, string>();
  const context: { TURBOPACK?: unknown[] } = {};
  try {
    vm.runInNewContext(source, context, { timeout: 5_000 });
  } catch {
    return modules;
  }
  for (const pushed of context.TURBOPACK ?? []) {
    if (!Array.isArray(pushed)) continue;
    for (let index = 0; index + 1 < pushed.length; index += 1) {
      const id: unknown = pushed[index];
      const factory: unknown = pushed[index + 1];
      if ((typeof id === 'number' || typeof id === 'string') && typeof factory === 'function') {
        modules.set(String(id), Function.prototype.toString.call(factory));
        index += 1;
      }
    }
  }
  return modules;
}

export type Script = { url: string; body: Buffer };
export type JsWeight = {
  scripts: number;
  totalGzipBytes: number;
  frameworkGzipBytes: number;
  ownGzipBytes: number;
  /** The project's client component files whose code the page loads. */
  ownComponents: string[];
  ownModules: number;
};

export function classifyScripts(scripts: readonly Script[], info: BuildInfo): JsWeight {
  const defined = new Map<string, string>();
  const framework = new Set(info.packageClientModules);
  for (const script of scripts) {
    const modules = chunkModules(script.body.toString('utf8'));
    const shared = info.sharedChunks.has(new URL(script.url).pathname);
    for (const [id, source] of modules) {
      defined.set(id, source);
      if (shared) framework.add(id);
    }
  }
  const own = new Set<string>();
  const queue = [...info.ownClientModules.keys()].filter((id) => defined.has(id));
  while (queue.length > 0) {
    const id = queue.pop();
    if (id === undefined || own.has(id) || (framework.has(id) && !info.ownClientModules.has(id))) continue;
    own.add(id);
    for (const match of (defined.get(id) ?? '').matchAll(REFERENCE)) {
      const referenced = match[1];
      if (referenced !== undefined && defined.has(referenced) && !own.has(referenced)) queue.push(referenced);
    }
  }
  const totalGzipBytes = scripts.reduce((sum, script) => sum + gzipSize(script.body), 0);
  const ownSource = [...own].map((id) => defined.get(id) ?? '').join('\n');
  const ownGzipBytes = own.size > 0 ? gzipSize(ownSource) : 0;
  return {
    scripts: scripts.length,
    totalGzipBytes,
    frameworkGzipBytes: totalGzipBytes - ownGzipBytes,
    ownGzipBytes,
    ownComponents: [...own].flatMap((id) => info.ownClientModules.get(id) ?? []).sort(),
    ownModules: own.size,
  };
}
