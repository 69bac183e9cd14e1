// `npm run cluster`: Dateline as it runs at scale, on this machine. Starts a
// throwaway PostgreSQL and Redis, two app servers (`next start` from the production
// build, sharing the comment store, COMMENT_SECRET, the page cache and
// publications) and nginx with the
// shipped deploy/nginx/dateline.conf in front, all on 127.0.0.1, prints the
// nginx address, and stops everything on Ctrl-C (SIGINT) or SIGTERM.
//
// Needs a production build (`npm run build`), nginx (nginx-light), Redis
// (redis-server) and the PostgreSQL server: as root it installs the packages with apt-get, otherwise
// it prints the command. Variables: COMMENT_SECRET (default: a new one per
// run), MODERATOR_PASSWORD and REVALIDATE_SECRET (passed on when set),
// CLUSTER_PORT (nginx's port, default 8080; 0 picks a free one).
import { AppServer, ensurePackages, hasProductionBuild, newCommentSecret, Nginx, Redis, startPostgres } from './cluster/servers';

type Stoppable = { stop(): Promise<void> } | { dispose(): Promise<void> };

async function main(): Promise<void> {
  try {
    ensurePackages();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  if (!hasProductionBuild()) {
    console.error('There is no production build: run `npm run build` first.');
    process.exit(1);
  }

  const running: Stoppable[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the cluster...');
    for (const server of running.reverse()) {
      try {
        await ('dispose' in server ? server.dispose() : server.stop());
      } catch (error) {
        console.error(String(error));
      }
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    console.log('Starting PostgreSQL...');
    const postgres = await startPostgres({ database: 'dateline' });
    running.push(postgres);
    console.log('Starting Redis...');
    const redis = await Redis.start();
    running.push(redis);
    const env = {
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      COMMENT_SECRET: process.env.COMMENT_SECRET || newCommentSecret(),
      // nginx, on this machine, is the one hop whose X-Forwarded-For is believed.
      TRUSTED_PROXIES: '127.0.0.1',
      COMMENTS_SQLITE_PATH: undefined,
    };
    const apps: AppServer[] = [];
    for (const name of ['A', 'B']) {
      console.log(`Starting app server ${name}...`);
      const app = await AppServer.start({ env, name, echo: true });
      running.push(app);
      apps.push(app);
    }
    const port = Number(process.env.CLUSTER_PORT ?? 8080);
    const nginx = await Nginx.start({ upstreams: apps.map((app) => app.address), port: port || undefined });
    running.push(nginx);
    console.log('');
    console.log(`PostgreSQL  ${postgres.url}`);
    console.log(`Redis       ${redis.url}`);
    for (const app of apps) console.log(`app ${app.name}       ${app.url}`);
    console.log(`nginx       ${nginx.url}   <- open this one`);
    console.log('\nCtrl-C stops them all.');
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    await stopAll(1);
  }
}

void main();
