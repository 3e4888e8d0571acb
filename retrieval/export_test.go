package retrieval

// LiveGeneration returns the folder of the live generation of the index
// in dir, for tests that damage its files.
func LiveGeneration(dir string) (string, error) {
	name, err := currentGeneration(dir)
	if err != nil {
		return "", err
	}
	return dir + "/" + name, nil
}
