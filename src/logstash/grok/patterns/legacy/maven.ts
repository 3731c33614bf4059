/** logstash-patterns-core 4.3.1, legacy set: maven. */
export const patterns: Record<string, string> = {
  MAVEN_VERSION: '(?:(\\d+)\\.)?(?:(\\d+)\\.)?(\\*|\\d+)(?:[.-](RELEASE|SNAPSHOT))?',
};
