package client

import (
	"context"
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestEndpointCacheExpiresAndStaysSmall(t *testing.T) {
	c := NewEndpointCache(2)
	u, _ := url.Parse("https://a.example")
	c.put("old", []cachedURL{{url: u, expires: time.Now().Add(-time.Second)}})
	if _, ok := c.get("old"); ok {
		t.Error("an expired address was returned")
	}
	for _, k := range []string{"k1", "k2", "k3"} {
		c.put(k, []cachedURL{{url: u, expires: time.Now().Add(time.Minute)}})
	}
	if len(c.entries) != 2 {
		t.Errorf("%d keys cached, want at most 2", len(c.entries))
	}
	if got, ok := c.get("k3"); !ok || got.Host != "a.example" {
		t.Errorf("the newest key: %v %v", got, ok)
	}
}

func TestRequiredDiscoveryAsksFirst(t *testing.T) {
	calls := 0
	d := &EndpointDiscovery{State: aws.EndpointDiscoveryAuto, Cache: NewEndpointCache(10), Key: "r", DisableHTTPS: true,
		Describe: func(context.Context) ([]DiscoveredAddress, error) {
			calls++
			return []DiscoveredAddress{{Address: "", CachePeriodInMinutes: 1}, {Address: "found.example:8000", CachePeriodInMinutes: 1}}, nil
		}}
	if !d.applies(DiscoveryRequired) || d.applies(DiscoveryOptional) || d.applies(NoDiscovery) {
		t.Error("auto applies to required discovery only")
	}
	for i := 0; i < 2; i++ {
		u, err := d.address(context.Background(), true)
		if err != nil || u == nil || u.String() != "http://found.example:8000" {
			t.Fatalf("address %v, %v", u, err)
		}
	}
	if calls != 1 {
		t.Errorf("%d discoveries, want 1 (then the cache)", calls)
	}
	boom := errors.New("boom")
	d = &EndpointDiscovery{Cache: NewEndpointCache(10), Describe: func(context.Context) ([]DiscoveredAddress, error) { return nil, boom }}
	if _, err := d.address(context.Background(), true); !errors.Is(err, boom) {
		t.Errorf("a failed required discovery: %v", err)
	}
}
