module github.com/gosmith/gosmith/internal/apisurface

go 1.26.8
