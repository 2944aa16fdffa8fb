package client

import "reflect"

// SetErrorCodeOverride sets the ErrorCodeOverride field every generated
// error type has; reflection keeps that field out of the exported API of the
// runtime, and this runs only on the error path.
func SetErrorCodeOverride(err error, code string) {
	v := reflect.ValueOf(err)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return
	}
	f := v.Elem().FieldByName("ErrorCodeOverride")
	if f.IsValid() && f.CanSet() && f.Type() == reflect.TypeOf((*string)(nil)) {
		f.Set(reflect.ValueOf(&code))
	}
}
