// Downloads, cached under .stack/cache: Consul (Debian bullseye) and InfluxDB (Debian bookworm) with
// apt-get download into private apt state, Elasticsearch's integ-test-zip through Maven.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dirs, versions } from './paths.mjs';
import { ensureDir, progress, run, StackError, writeIfChanged } from './util.mjs';

const SYSTEM_SOURCES = '/etc/apt/sources.list.d/debian.sources';

/** The first deb822 stanza of the machine's Debian sources, with our suites instead of its own. */
function privateSources() {
  let text;
  try {
    text = fs.readFileSync(SYSTEM_SOURCES, 'utf8');
  } catch {
    throw new StackError(
      `cannot read ${SYSTEM_SOURCES}: the stack expects a Debian bookworm machine with deb822 sources`,
    );
  }
  const stanza = text.split(/\n\s*\n/).find((s) => /^URIs:/m.test(s));
  if (!stanza) throw new StackError(`${SYSTEM_SOURCES} has no stanza with URIs`);
  const suites = [...new Set([versions.consul.suite, versions.influx.suite])].join(' ');
  const lines = stanza.split('\n').filter((l) => !l.startsWith('#'));
  return `${lines.map((l) => (l.startsWith('Suites:') ? `Suites: ${suites}` : l)).join('\n')}\n`;
}

function aptOptions() {
  const base = dirs.apt;
  return [
    '-o',
    `Dir::Etc::SourceParts=${path.join(base, 'sources.list.d')}`,
    '-o',
    'Dir::Etc::SourceList=/dev/null',
    '-o',
    `Dir::State::Lists=${path.join(base, 'lists')}`,
    '-o',
    `Dir::Cache=${path.join(base, 'cache')}`,
    '-o',
    'Dir::Etc::Preferences=/dev/null',
    '-o',
    `Dir::Etc::PreferencesParts=${path.join(base, 'preferences.d')}`,
    '-o',
    'APT::Sandbox::User=root',
    '-o',
    'Acquire::Languages=none',
    '-o',
    'Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false',
    '-o',
    'Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false',
    '-o',
    'Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled=false',
    '-o',
    'Acquire::IndexTargets::deb::CNF::DefaultEnabled=false',
    '-o',
    'APT::Get::List-Cleanup=false',
  ];
}

let aptUpdated;

/** One apt-get update per run, shared by concurrent downloads. */
function aptUpdate() {
  aptUpdated ??= aptUpdateOnce();
  return aptUpdated;
}

async function aptUpdateOnce() {
  const base = dirs.apt;
  for (const d of ['sources.list.d', 'preferences.d', 'lists/partial', 'cache/archives/partial'])
    ensureDir(path.join(base, d));
  writeIfChanged(path.join(base, 'sources.list.d', 'calvin-stack.sources'), privateSources());
  progress('apt-get update (private lists for bullseye + bookworm)');
  await run('apt-get', [...aptOptions(), '-q', 'update']);
}

/** Returns the path of the cached .deb for package/suite, downloading it the first time. */
export async function debPackage({ package: name, suite }) {
  const target = ensureDir(path.join(dirs.pkgs, suite));
  const existing = fs.readdirSync(target).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
  if (existing) return path.join(target, existing);
  await aptUpdate();
  progress(`apt-get download ${name}/${suite}`);
  await run('apt-get', [...aptOptions(), '-q', 'download', `${name}/${suite}`], { cwd: target });
  const downloaded = fs.readdirSync(target).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
  if (!downloaded) throw new StackError(`apt-get download ${name}/${suite} produced no .deb in ${target}`);
  return path.join(target, downloaded);
}

/** Unpacks a .deb into dest (dpkg -x) once; a marker file makes the second time free. */
export async function extractDeb(deb, dest) {
  const marker = path.join(dest, '.extracted');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === path.basename(deb)) return dest;
  fs.rmSync(dest, { recursive: true, force: true });
  ensureDir(dest);
  progress(`dpkg -x ${path.basename(deb)}`);
  await run('dpkg', ['-x', deb, dest]);
  fs.writeFileSync(marker, path.basename(deb));
  return dest;
}

/** The Elasticsearch integ-test-zip from ~/.m2 (mvn dependency:get fetches it once). */
export async function elasticsearchZip(version) {
  const repo = process.env.MAVEN_REPO_LOCAL ?? path.join(os.homedir(), '.m2', 'repository');
  const zip = path.join(
    repo,
    'org/elasticsearch/distribution/integ-test-zip/elasticsearch',
    version,
    `elasticsearch-${version}.zip`,
  );
  if (fs.existsSync(zip)) return zip;
  progress(`mvn dependency:get elasticsearch integ-test-zip ${version}`);
  await run('mvn', [
    '-q',
    '-B',
    ...(process.env.MAVEN_REPO_LOCAL ? [`-Dmaven.repo.local=${repo}`] : []),
    'dependency:get',
    `-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:${version}:zip`,
    '-Dtransitive=false',
  ]);
  if (!fs.existsSync(zip)) throw new StackError(`mvn dependency:get finished but ${zip} is missing`);
  return zip;
}

export async function unzip(zip, dest) {
  const marker = path.join(dest, '.extracted');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === path.basename(zip)) return dest;
  fs.rmSync(dest, { recursive: true, force: true });
  ensureDir(dest);
  progress(`unzip ${path.basename(zip)}`);
  try {
    await run('unzip', ['-q', zip, '-d', dest]);
  } catch (error) {
    if (!/cannot run/.test(String(error.message))) throw error;
    await run('jar', ['xf', zip], { cwd: dest }); // no unzip on the machine: the JDK's jar tool reads zips too
  }
  fs.writeFileSync(marker, path.basename(zip));
  return dest;
}
