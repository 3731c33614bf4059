# Extracts the RSpec examples of a logstash-patterns-core checkout (spec/patterns/*_spec.rb) into
# data: one case per example and input line, with the grok expression, the pattern mode (legacy or
# ecs-v1), the input and the checks the example makes. Nothing is matched here: the spec files run
# against a recording stand-in of RSpec and of the grok filter, so every expectation is written
# down as the upstream authors wrote it.
#
#   ruby scripts/grok-spec/extract.rb <checkout> > test/fixtures/grok-spec/cases.json
require 'json'

CHECKOUT = ARGV[0] or abort('usage: extract.rb <logstash-patterns-core checkout>')
$cases = {}
$current_file = nil
$current_example = nil

# One grok run: expression, mode, message. Checks are added by expectations.
class Pending < StandardError; end

class GrokCase
  attr_reader :checks
  def initialize(expression, mode, message, settings)
    @expression, @mode, @message, @settings = expression, mode, message, settings
    @file = $current_file
    @checks = []
  end

  def key = [@expression, @mode, @message, @settings].to_json

  def to_h(example)
    { file: @file, example: example, mode: @mode, expression: @expression,
      message: @message, settings: @settings, checks: @checks }
  end
end

def register_case(expression, mode, message, settings = {})
  c = GrokCase.new(expression, mode, message, settings)
  $cases[c.key] ||= [c, $current_example]
  $cases[c.key][0]
end

# A value read from the grokked event, recorded as a path.
class Rec
  attr_reader :kase, :path
  def initialize(kase, path) = (@kase, @path = kase, path)
  def [](k) = Rec.new(@kase, @path + [k])
  def get(ref) = Rec.new(@kase, @path + ref.to_s.scan(/\[([^\]]+)\]/).flatten.then { |p| p.empty? ? [ref.to_s] : p })
  def dig(*ks) = Rec.new(@kase, @path + ks)
  def fetch(k, *) = self[k]
  def keys = Rec.new(@kase, @path + [:keys])
  def last = Rec.new(@kase, @path + [-1])
  def first = Rec.new(@kase, @path + [0])
  def to_hash = self
  def to_i = Rec.new(@kase, @path + [:to_i])
  def to_s = Rec.new(@kase, @path + [:to_s])
  def include?(k) = Rec.new(@kase, @path + [:has, k])
end

class Partial
  attr_reader :h
  def initialize(h) = (@h = h)
  def to_json(*a) = { '__partial__' => @h }.to_json(*a)
end

Matcher = Struct.new(:kind, :value)

def jsonable(v)
  case v
  when Regexp then { '__regex__' => v.source }
  when Hash then v.to_h { |k, x| [k.to_s, jsonable(x)] }
  when Array then v.map { |x| jsonable(x) }
  when Partial then { '__partial__' => jsonable(v.h) }
  when Symbol then v.to_s
  else v
  end
end

class Expectation
  def initialize(actual) = (@actual = actual)
  def to(m) = record(m, false)
  def not_to(m) = record(m, true)
  alias to_not not_to

  def record(m, negate)
    a = @actual
    if m.kind == :match && a.is_a?(String)
      # expect(pattern).to match(value): grok the value with the pattern.
      k = register_case("%{#{a}}", Example.mode, m.value)
      k.checks << { check: negate ? 'nomatch' : 'match' }
      return
    end
    a = Event.new(nil).tap { |e| e.rec = a }.rec if a.is_a?(Rec)
    raise "unsupported expectation on #{a.inspect}" unless a.is_a?(Rec)
    check = case m.kind
            when :pass then { check: negate ? 'nomatch' : 'match' }
            when :match then { check: negate ? 'notRegex' : 'regex', path: a.path, value: jsonable(m.value) }
            else { check: negate ? "not_#{m.kind}" : m.kind.to_s, path: a.path, value: jsonable(m.value) }
            end
    a.kase.checks << check
  end
end

# The stand-in for LogStash::Event and LogStash::Filters::Grok.
class Event
  attr_accessor :rec, :message
  def initialize(message) = (@message = message)
  def to_hash = @rec
  def get(ref) = @rec.get(ref)
  def [](k) = @rec[k]
  def include?(k) = @rec.include?(k)
end

module LogStash
  module Filters
    class Grok
      def initialize(opts) = (@opts = opts)
      def register = nil

      def filter(event)
        field, expression = @opts['match']
        raise "match on #{field}" unless field == 'message'
        settings = @opts.reject { |k, _| k == 'match' }
        mode = settings.delete('ecs_compatibility')&.to_s
        mode = mode.nil? ? Example.mode : (mode == 'disabled' ? 'legacy' : 'ecs-v1')
        event.rec = Rec.new(register_case(expression, mode, event.message, settings), [])
      end
    end
  end
end

# An example group: lets, subject, examples, nested groups.
class Group
  attr_reader :lets, :parent, :mode
  def initialize(parent, args, mode)
    @parent, @args, @mode, @lets, @examples, @children = parent, args, mode, {}, [], []
    @mod = Module.new
    @implicit = args.first
  end

  # RSpec's subject: the nearest explicit one, else the nearest group's first description argument.
  def subject_block
    explicit = let_lookup(:subject)
    return explicit if explicit
    g = self
    g = g.parent until g.nil? || g.implicit.is_a?(String)
    value = g&.implicit
    -> { value }
  end

  def implicit = @implicit

  def name = [@parent&.name, *@args.map(&:to_s)].compact.join(' ')
  # Lets are methods of a module per group, so that an inner let can call super().
  attr_reader :mod
  def chain = (@parent ? @parent.chain : []) + [self]
  def let(n, &b)
    @lets[n] = b
    @mod.define_method(n, &b)
  end

  def subject(n = nil, &b)
    let(:subject, &b)
    let(n, &b) if n
  end
  def before(*, &b) = (@befores ||= []) << b
  def after(*) = nil
  def befores = (@parent ? @parent.befores : []) + (@befores || [])
  def it(desc = '', &b) = @examples << [desc, b]
  alias specify it
  # Examples the upstream authors skipped stay skipped.
  def xit(*) = nil
  def xdescribe(*) = nil
  alias xcontext xdescribe
  def describe(*args, &b) = (@children << Group.new(self, args, @mode)).last.instance_eval(&b)
  alias context describe
  def describe_pattern(*a, &b)
    Object.send(:describe_pattern, *a, &b)
  end
  def include_examples(_name, namespaces, opts = {})
    it("top-level namespaces #{namespaces.inspect}") do
      next unless instance_exec(&(opts[:if] || -> { true }))
      expect(subject).to Matcher.new(:onlyTopLevel, namespaces + ['@timestamp', '@version', 'message'])
    end
  end
  alias it_behaves_like include_examples
  def let_lookup(n) = @lets.key?(n) ? @lets[n] : @parent&.let_lookup(n)
  def has_let?(n) = @lets.key?(n) || (@parent&.has_let?(n) || false)
  def pattern_mode = @mode

  def run
    @examples.each { |desc, b| Example.new(self).run("#{name} #{desc}".strip, b) }
    @children.each(&:run)
  end
end

# One example's evaluation context: lets memoised, RSpec's matchers and the spec helper's API.
class Example
  class << self; attr_accessor :mode; end
  def initialize(group)
    @group = group
    group.chain.each { |g| extend(g.mod) }
  end

  def run(desc, block)
    Example.mode = @group.mode || 'legacy'
    $current_example = desc
    @group.befores.each { |b| instance_exec(&b) }
    instance_exec(&block)
  rescue Pending
    nil # RSpec's pending: what follows is known not to hold upstream.
  rescue StandardError => e
    warn "#{$current_file}: #{desc}: #{e.class}: #{e.message}"
  end

  def subject = instance_exec(&@group.subject_block)
  def pending(*) = raise(Pending)

  def pattern_mode = Example.mode
  def pattern_mode=(_m)
    nil
  end
  def ecs_compatibility? = Example.mode == 'ecs-v1'
  def ecs_compatibility = ecs_compatibility? ? :v1 : :disabled
  def grok_match(label, message, exact = false) = grok_match_event(label, message, exact).to_hash
  def grok_exact_match(label, message) = grok_match(label, message, true)

  def grok_match_event(label, message, exact = false)
    e = Event.new(message)
    e.rec = Rec.new(register_case(exact ? "^%{#{label}}$" : "%{#{label}}", Example.mode, message), [])
    e
  end

  def build_grok(label, exact = false) = LogStash::Filters::Grok.new('match' => ['message', exact ? "^%{#{label}}$" : "%{#{label}}"])
  def build_event(message) = Event.new(message)
  def expect(a = nil) = Expectation.new(a)
  def should(m) = expect(subject).to(m)
  def should_not(m) = expect(subject).not_to(m)
  def is_expected = expect(subject)
  def pass = Matcher.new(:pass)
  def match(v) = Matcher.new(:match, v)
  def include(*v) = Matcher.new(:include, v.length == 1 ? v.first : v)
  def eq(v) = Matcher.new(:equal, v)
  alias eql eq
  alias equal eq
  def be(v = nil) = v.nil? ? Matcher.new(:equal, nil) : Matcher.new(:equal, v)
  def be_nil = Matcher.new(:equal, nil)
  def be_a(c) = Matcher.new(:kind, c.name)
  def start_with(v) = Matcher.new(:startWith, v)
  def end_with(v) = Matcher.new(:endWith, v)
  def have_key(k) = Matcher.new(:hasKey, k)
  def hash_including(h = {}, **kw) = Partial.new(h.merge(kw.transform_keys(&:to_s)))
  alias a_hash_including hash_including
end

$top = []
def describe_pattern(name, modes = [nil], &block)
  modes.each do |mode|
    g = Group.new(nil, ["#{name}#{mode ? " (#{mode})" : ''}"], mode)
    g.let(:pattern) { name }
    g.let(:event) { grok_match_event(pattern, message) }
    g.let(:grok) { event.to_hash }
    g.subject(:grok_result) { grok }
    g.instance_eval(&block)
    $top << g
  end
end

def describe(*args, &block)
  g = Group.new(nil, args, nil)
  g.instance_eval(&block)
  $top << g
end

module RSpec
  def self.describe(*a, &b)
    Object.send(:describe, *a, &b)
  end
  def self.shared_examples_for(*) = nil
  module Matchers
    def self.define(*) = nil
  end
end

def require(name) = %w[json].include?(name) ? super : true

Dir.glob(File.join(CHECKOUT, 'spec/patterns/*_spec.rb')).sort.each do |path|
  $current_file = File.basename(path)
  $top = []
  load path
  $top.each(&:run)
end

version = File.read(File.join(CHECKOUT, 'logstash-patterns-core.gemspec'))[/s\.version\s*=\s*'([^']+)'/, 1]
cases = $cases.values.map { |c, example| c.to_h(example) }
out = { source: "logstash-patterns-core #{version}", cases: jsonable(cases) }
puts JSON.pretty_generate(out)
