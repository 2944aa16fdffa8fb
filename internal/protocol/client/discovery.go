package client

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Endpoint discovery (aws.api#clientEndpointDiscovery), as aws-sdk-go-v2
// does it: an operation marked aws.api#clientDiscoveredEndpoint goes to
// the host the service's DescribeEndpoints names, cached per client and
// region for the period it says. An optional discovery runs only when
// EnableEndpointDiscovery is on, and in the background: calls go to the
// usual endpoint until the answer is in. A required one runs before the
// call unless discovery is disabled.

// DiscoveryMode is an operation's aws.api#clientDiscoveredEndpoint.
type DiscoveryMode uint8

const (
	// NoDiscovery: the operation goes to the endpoint the rules give.
	NoDiscovery DiscoveryMode = iota
	// DiscoveryOptional: a discovered endpoint when discovery is enabled.
	DiscoveryOptional
	// DiscoveryRequired: a discovered endpoint unless discovery is disabled.
	DiscoveryRequired
)

// EndpointDiscovery is what a call needs to discover its endpoint.
type EndpointDiscovery struct {
	State aws.EndpointDiscoveryEnableState
	Cache *EndpointCache
	// Key names the cached endpoints of the call (its region).
	Key string
	// DisableHTTPS: discovered addresses without a scheme get http.
	DisableHTTPS bool
	// Describe calls the service's discovery operation.
	Describe func(ctx context.Context) ([]DiscoveredAddress, error)
}

// DiscoveredAddress is one endpoint the discovery operation returned.
type DiscoveredAddress struct {
	Address              string
	CachePeriodInMinutes int64
}

// EndpointDiscoveryFrom reads the AWS_ENABLE_ENDPOINT_DISCOVERY setting
// config.LoadDefaultConfig found, as aws-sdk-go-v2 clients do.
func EndpointDiscoveryFrom(cfg aws.Config) aws.EndpointDiscoveryEnableState {
	for _, src := range cfg.ConfigSources {
		if p, ok := src.(interface {
			GetEnableEndpointDiscovery(context.Context) (aws.EndpointDiscoveryEnableState, bool, error)
		}); ok {
			if v, found, err := p.GetEnableEndpointDiscovery(context.Background()); err == nil && found {
				return v
			}
		}
	}
	return aws.EndpointDiscoveryUnset
}

// applies reports whether an operation of the mode discovers its endpoint.
func (d *EndpointDiscovery) applies(mode DiscoveryMode) bool {
	if d == nil || mode == NoDiscovery || d.State == aws.EndpointDiscoveryDisabled {
		return false
	}
	return mode == DiscoveryRequired || d.State == aws.EndpointDiscoveryEnabled
}

// discoverEndpoint puts the discovered host on the request, after the
// endpoint rules and before signing.
type discoverEndpoint struct {
	discovery *EndpointDiscovery
	required  bool
}

func (*discoverEndpoint) ID() string { return "DiscoverEndpoint" }

func (m *discoverEndpoint) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error,
) {
	d := m.discovery
	if awsmiddleware.GetEndpointSource(ctx) == aws.EndpointSourceCustom {
		if d.State == aws.EndpointDiscoveryEnabled {
			//lint:ignore ST1005 aws-sdk-go-v2's error text
			return middleware.FinalizeOutput{}, middleware.Metadata{}, fmt.Errorf("Invalid configuration: endpoint discovery is enabled, but a custom endpoint is provided")
		}
		return next.HandleFinalize(ctx, in)
	}
	u, err := d.address(ctx, m.required)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	req, ok := in.Request.(*smithyhttp.Request)
	if !ok {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, fmt.Errorf("expected request to be of type *smithyhttp.Request, got %T", in.Request)
	}
	if u != nil {
		req.URL.Host = u.Host // only the host: the rules may have set a path
	}
	return next.HandleFinalize(ctx, in)
}

// address is the cached endpoint; on a miss a required discovery asks the
// service now and an optional one in the background, once.
func (d *EndpointDiscovery) address(ctx context.Context, required bool) (*url.URL, error) {
	if u, ok := d.Cache.get(d.Key); ok {
		return u, nil
	}
	if required {
		return d.fetch(ctx)
	}
	if d.Cache.claim(d.Key) {
		go func() {
			_, _ = d.fetch(context.WithoutCancel(ctx))
			d.Cache.release(d.Key)
		}()
	}
	return nil, nil
}

func (d *EndpointDiscovery) fetch(ctx context.Context) (*url.URL, error) {
	addrs, err := d.Describe(ctx)
	if err != nil {
		return nil, err
	}
	var found []cachedURL
	now := time.Now()
	for _, a := range addrs {
		address := a.Address
		if address == "" {
			continue
		}
		if !strings.Contains(address, "://") {
			scheme := "https"
			if d.DisableHTTPS {
				scheme = "http"
			}
			address = scheme + "://" + address
		}
		u, err := url.Parse(address)
		if err != nil {
			continue
		}
		found = append(found, cachedURL{url: u, expires: now.Add(time.Duration(a.CachePeriodInMinutes) * time.Minute)})
	}
	d.Cache.put(d.Key, found)
	if len(found) == 0 {
		return nil, nil
	}
	return found[0].url, nil
}

// EndpointCache holds a client's discovered endpoints: at most limit keys,
// each with its addresses until they expire.
type EndpointCache struct {
	mu      sync.Mutex
	limit   int
	entries map[string][]cachedURL
	pending map[string]bool
}

type cachedURL struct {
	url     *url.URL
	expires time.Time
}

// NewEndpointCache returns an empty cache of at most limit keys.
func NewEndpointCache(limit int) *EndpointCache {
	return &EndpointCache{limit: limit, entries: map[string][]cachedURL{}, pending: map[string]bool{}}
}

// get returns the first unexpired address of key, dropping expired ones.
func (c *EndpointCache) get(key string) (*url.URL, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	urls := c.entries[key]
	now := time.Now()
	for len(urls) > 0 && !urls[0].expires.After(now) {
		urls = urls[1:]
	}
	if len(urls) == 0 {
		delete(c.entries, key)
		return nil, false
	}
	c.entries[key] = urls
	u := *urls[0].url
	return &u, true
}

func (c *EndpointCache) put(key string, urls []cachedURL) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(urls) == 0 {
		return
	}
	if _, ok := c.entries[key]; !ok && len(c.entries) >= c.limit {
		for k := range c.entries { // any one: aws-sdk-go-v2 drops a random key
			delete(c.entries, k)
			break
		}
	}
	c.entries[key] = urls
}

// claim marks a background discovery of key as running; false when one
// already is.
func (c *EndpointCache) claim(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pending[key] {
		return false
	}
	c.pending[key] = true
	return true
}

func (c *EndpointCache) release(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.pending, key)
}
